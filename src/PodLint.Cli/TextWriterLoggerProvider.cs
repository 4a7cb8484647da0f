using Microsoft.Extensions.Logging;

namespace PodLint.Cli;

/// <summary>Writes operational log lines (<c>podlint: warning: …</c>) to standard error.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warning",
                LogLevel.Information => "info",
                _ => "debug",
            };
            var line = $"podlint: {level}: {formatter(state, exception)}" + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            lock (provider._gate) provider.Writer.WriteLine(line);
        }
    }

    private TextWriter Writer => writer;
}
