using NasPipeline.Runtime;

namespace NasPipeline.Tests;

/// <summary>
/// Before any test reaches libtorch, the process settles its CPU kernels as the <c>nas</c> command does.
/// </summary>
[SetUpFixture]
public sealed class NativeKernelsSetUp
{
    [OneTimeSetUp]
    public void Apply() => NativeKernels.Apply();
}
