using CrmGovernance.Cli.Commands;

return await CrmgovCommand.InvokeAsync(args);
