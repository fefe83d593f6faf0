using System.Reflection;

namespace Soc.Local.Commands;

/// <summary>A <c>soc</c> sub-command. Commands are found by reflection: adding one is adding a class.</summary>
public interface ISocCommand
{
    /// <summary>The word after <c>soc</c>, for example <c>serve</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>soc --help</c>.</summary>
    string Summary { get; }

    /// <summary>Usage text for <c>soc NAME --help</c>.</summary>
    string Usage { get; }

    Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken);
}

/// <summary>Dispatches <c>soc NAME ...</c> to the command of that name.</summary>
public static class CommandLine
{
    public static IReadOnlyList<ISocCommand> Commands { get; } = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISocCommand).IsAssignableFrom(t))
        .Select(t => (ISocCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToArray();

    public static async Task<int> RunAsync(string[] argv)
    {
        if (argv.Length == 0 || argv[0] is "-h" or "--help" or "help")
        {
            PrintHelp(Console.Out);
            return argv.Length == 0 ? 2 : 0;
        }

        if (argv[0] is "--version")
        {
            Console.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
            return 0;
        }

        var command = Commands.FirstOrDefault(c => string.Equals(c.Name, argv[0], StringComparison.Ordinal));
        if (command is null)
        {
            Console.Error.WriteLine($"soc: unknown command '{argv[0]}'.");
            PrintHelp(Console.Error);
            return 2;
        }

        CommandArgs args;
        try
        {
            args = CommandArgs.Parse(argv.Skip(1));
        }
        catch (CommandArgsException ex)
        {
            Console.Error.WriteLine($"soc {command.Name}: {ex.Message}");
            Console.Error.WriteLine(command.Usage);
            return 2;
        }

        if (args.Flag("help") || args.Flag("h"))
        {
            Console.WriteLine(command.Usage);
            return 0;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM (docker stop, systemd, kill) stops a command as gracefully as Ctrl+C does.
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });
        try
        {
            return await command.RunAsync(args, cts.Token).ConfigureAwait(false);
        }
        catch (CommandArgsException ex)
        {
            Console.Error.WriteLine($"soc {command.Name}: {ex.Message}");
            Console.Error.WriteLine(command.Usage);
            return 2;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void PrintHelp(TextWriter writer)
    {
        writer.WriteLine("soc: SOC Guard's local host and tools");
        writer.WriteLine();
        writer.WriteLine("usage: soc <command> [options]   (soc <command> --help for its options)");
        writer.WriteLine();
        foreach (var c in Commands)
        {
            writer.WriteLine($"  {c.Name,-14} {c.Summary}");
        }
    }
}
