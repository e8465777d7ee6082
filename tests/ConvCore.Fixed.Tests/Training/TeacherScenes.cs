using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace ConvCore.Fixed.Tests.Training;

/// <summary>
/// A few synthetic scenes and, per teacher kernel, their exact teacher maps (valid mode),
/// from which training takes random 64x64 crops with the matching target crops.
/// </summary>
internal sealed class TeacherScenes
{
    public const int SceneSize = 128;
    public const int CropSize = 64;

    private static readonly Lazy<byte[][]> Scenes = new(() => Enumerable.Range(0, 4).Select(i => SyntheticScene.Create(SceneSize, SceneSize, 100 + i)).ToArray());

    private readonly short[][] _targets;
    private readonly Random _crops;

    public TeacherScenes(FixedKernel teacher, int cropSeed)
    {
        Teacher = teacher;
        _crops = new Random(cropSeed);
        int ow = SceneSize - teacher.Cols + 1, oh = SceneSize - teacher.Rows + 1;
        _targets = Scenes.Value.Select(scene =>
        {
            var raw = new int[ow * oh];
            Correlator.Correlate(new ReadOnlyPlane<byte>(scene, SceneSize, SceneSize), teacher, new Plane<int>(raw, ow, oh), CorrelationOptions.Valid);
            return Array.ConvertAll(raw, v => checked((short)v));
        }).ToArray();
    }

    public FixedKernel Teacher { get; }

    public int TargetCropWidth => CropSize - Teacher.Cols + 1;

    public int TargetCropHeight => CropSize - Teacher.Rows + 1;

    /// <summary>Picks the next random crop: which scene and where.</summary>
    public (int Scene, int X, int Y) NextCrop() =>
        (_crops.Next(Scenes.Value.Length), _crops.Next(SceneSize - CropSize + 1), _crops.Next(SceneSize - CropSize + 1));

    public ReadOnlyPlane<byte> Input((int Scene, int X, int Y) crop) =>
        new ReadOnlyPlane<byte>(Scenes.Value[crop.Scene], SceneSize, SceneSize).Slice(crop.X, crop.Y, CropSize, CropSize);

    public ReadOnlyPlane<short> Target((int Scene, int X, int Y) crop) =>
        new ReadOnlyPlane<short>(_targets[crop.Scene], SceneSize - Teacher.Cols + 1, SceneSize - Teacher.Rows + 1)
            .Slice(crop.X, crop.Y, TargetCropWidth, TargetCropHeight);

    /// <summary>The largest |learned - teacher| over all weights, in real units.</summary>
    public double MaxWeightError(FixedKernel learned)
    {
        double worst = 0;
        for (int r = 0; r < Teacher.Rows; r++)
        {
            for (int c = 0; c < Teacher.Cols; c++)
            {
                worst = Math.Max(worst, Math.Abs(learned.ValueAt(r, c) - Teacher.ValueAt(r, c)));
            }
        }

        return worst;
    }
}
