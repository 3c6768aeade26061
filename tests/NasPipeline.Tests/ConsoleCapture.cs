namespace NasPipeline.Tests;

/// <summary>Runs code with Console output and error redirected, returning both as one string.</summary>
public static class ConsoleCapture
{
    static readonly object Gate = new();

    public static (int Exit, string Output) Run(Func<int> action)
    {
        lock (Gate)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            using var writer = new StringWriter();
            Console.SetOut(writer);
            Console.SetError(writer);
            try { return (action(), writer.ToString()); }
            finally { Console.SetOut(stdout); Console.SetError(stderr); }
        }
    }
}
