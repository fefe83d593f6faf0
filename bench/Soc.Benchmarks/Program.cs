using BenchmarkDotNet.Running;

namespace Soc.Benchmarks;

public static class Program
{
    /// <summary>Pass BenchmarkDotNet arguments, e.g. <c>--filter '*'</c>; every benchmark uses a short job.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
