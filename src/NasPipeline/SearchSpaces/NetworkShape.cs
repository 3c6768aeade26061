namespace NasPipeline.SearchSpaces;

/// <summary>
/// The size of a supernet or discrete network: initial channels C, the space's depth (NB201: cells per stage N;
/// a DARTS space: its number of cells), and the data's image channels and classes.
/// </summary>
public sealed record NetworkShape(int Channels, int Depth, int InputChannels, int Classes);
