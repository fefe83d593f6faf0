using Soc.Local.Commands;

return await CommandLine.RunAsync(args).ConfigureAwait(false);
