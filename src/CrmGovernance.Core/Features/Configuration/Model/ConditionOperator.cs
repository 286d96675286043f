namespace CrmGovernance.Core.Features.Configuration.Model;

public enum ConditionOperator { Equals, NotEquals, Contains, StartsWith, IsEmpty, IsNotEmpty, GreaterThan, LessThan, In }
