using EdgeDevice.Cli;

return await EdgeDeviceCli.InvokeAsync(args, CliEnvironment.ForConsole());
