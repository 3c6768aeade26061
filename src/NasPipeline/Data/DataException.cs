namespace NasPipeline.Data;

/// <summary>Data that is missing or not in the expected format; the message says what to do.</summary>
public sealed class DataException(string message) : Exception(message);
