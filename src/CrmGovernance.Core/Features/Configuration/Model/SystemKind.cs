namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>What kind of application a connected system is.</summary>
public enum SystemKind { Crm, WebsiteCms, MarketingAutomation, Ecommerce, Erp, SupportDesk, Other }
