namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>The form a postcode was read in: the US, Canadian and Australian forms may follow a state.</summary>
internal enum PostcodeShape
{
    /// <summary>Four or five digits (US, DE, FR, AU, NZ, BE, AT, CH, …).</summary>
    Digits,

    /// <summary>US ZIP+4 ("62704-1234"), compared by its five digits.</summary>
    ZipPlus4,

    /// <summary>"M5H 2N2".</summary>
    Canadian,

    /// <summary>"SW1A 2AA".</summary>
    British,

    /// <summary>Eircode, "D02 X285".</summary>
    Irish,

    /// <summary>"5621 BA".</summary>
    Dutch,

    /// <summary>Digits with a dash ("00-950", "1000-001") or a country letter ("D-10115").</summary>
    Dashed,
}
