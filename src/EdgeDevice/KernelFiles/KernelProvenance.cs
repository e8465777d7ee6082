namespace EdgeDevice.KernelFiles;

/// <summary>Where a learned kernel came from; informative only, never used for computing.</summary>
public sealed record KernelProvenance(string? Teacher, int? Iterations, double? Loss, DateTimeOffset? Created);
