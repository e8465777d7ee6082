using EdgeDevice.Cli;
using EdgeDevice.Display;
using EdgeDevice.Platform;
using Iot.Device.LEDMatrix;

namespace EdgeDevice.Hardware.Displays;

/// <summary>
/// A HUB75 RGB panel (e.g. 32x32, 64x32) driven by RGBLedMatrix through the Adafruit RGB matrix
/// bonnet/HAT pin mapping. The driver bit-bangs the BCM2835-family GPIO registers, so it works on
/// the Pi 3 / 4 / 400 / Zero 2 W / CM3 / CM4 only; elsewhere (Pi 5 included) start-up stops with
/// a clear message instead of the driver's exception. A frame is drawn into the back buffer
/// (rotation and brightness applied) and swapped in once.
/// </summary>
public sealed class Hub75Display : BlankOnDisposeDisplay
{
    private static readonly string[] SupportedModels =
    [
        "Raspberry Pi 3", "Raspberry Pi 4", "Raspberry Pi 400", "Raspberry Pi Zero 2",
        "Raspberry Pi Compute Module 3", "Raspberry Pi Compute Module 4",
    ];

    private readonly IRgbMatrixCanvas _canvas;
    private readonly PanelMap _map;
    private readonly BrightnessTable _brightness;

    public Hub75Display(IRgbMatrixCanvas canvas, int rotation = 0, double brightness = 1.0)
    {
        _canvas = canvas ?? throw new ArgumentNullException(nameof(canvas));
        _map = new PanelMap(canvas.Width, canvas.Height, rotation);
        _brightness = new BrightnessTable(brightness);
        Capabilities = new DisplayCapabilities(_map.ViewerWidth, _map.ViewerHeight, ColorDepth.Rgb24, rotation, brightness);
    }

    public override string Name => field ??= $"hub75 {_map.PanelWidth}x{_map.PanelHeight}";

    public override DisplayCapabilities Capabilities { get; }

    /// <summary>Whether RGBLedMatrix can drive GPIO on this board (memory-mapped BCM2835-family GPIO).</summary>
    public static bool IsSupported(BoardInfo board) =>
        board.Model is string model && SupportedModels.Any(m => model.StartsWith(m, StringComparison.Ordinal));

    /// <summary>
    /// Opens the panel on a supported board, or throws <see cref="HardwareUnavailableException"/>
    /// naming the board and what to do. <paramref name="openCanvas"/> defaults to RGBLedMatrix.
    /// </summary>
    public static Hub75Display Open(BoardInfo board, int width, int height, int rotation, double brightness, int chainRows = 1, int chainColumns = 1, string mapping = "auto", Func<IRgbMatrixCanvas>? openCanvas = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!IsSupported(board))
        {
            throw new HardwareUnavailableException(
                $"HUB75 panels need a Raspberry Pi 3, 4, 400, Zero 2 W or CM3/CM4 (RGBLedMatrix drives their GPIO registers directly); this board is {board.Model ?? "not a Raspberry Pi"}. " +
                "Use one of those boards, or set Display:Kind to a SPI/I2C matrix (ws2812b, max7219, sensehat, ht16k33, is31fl3731).");
        }

        bool use64 = mapping.ToLowerInvariant() switch
        {
            "bonnet64" => true,
            "bonnet32" => false,
            _ => height / chainRows > 32,
        };
        openCanvas ??= () => new RgbLedMatrixCanvas(
            use64 ? PinMapping.MatrixBonnetMapping64 : PinMapping.MatrixBonnetMapping32,
            width,
            height,
            chainRows,
            chainColumns);
        try
        {
            return new Hub75Display(openCanvas(), rotation, brightness);
        }
        catch (PlatformNotSupportedException ex)
        {
            throw new HardwareUnavailableException($"The HUB75 driver does not support this board ({board.Model}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HardwareUnavailableException(
                $"Could not open the GPIO registers for the HUB75 panel ({ex.Message}): add the user to the gpio group (`sudo usermod -aG gpio $USER`, then log in again).",
                ex);
        }
    }

    public override void Show(LedFrame frame)
    {
        _map.CheckFrame(frame, Name);
        Span<Rgb> pixels = frame.Pixels;
        ReadOnlySpan<int> toPanel = _map.ViewerToPanel;
        int width = _map.PanelWidth;
        for (int i = 0; i < pixels.Length; i++)
        {
            Rgb p = _brightness.Scale(pixels[i]);
            int at = toPanel[i];
            _canvas.SetBackBufferPixel(at % width, at / width, p.R, p.G, p.B);
        }

        _canvas.SwapBuffers();
    }

    public override void Blank()
    {
        for (int y = 0; y < _map.PanelHeight; y++)
        {
            for (int x = 0; x < _map.PanelWidth; x++)
            {
                _canvas.SetBackBufferPixel(x, y, 0, 0, 0);
            }
        }

        _canvas.SwapBuffers();
    }

    protected override void ReleaseHardware() => _canvas.Dispose();
}
