#!/usr/bin/python3
"""Golden oracle for ConvCore.Fixed: expected feature maps computed by SciPy, not by us.

What it writes (into ./data, next to this script):
  <frame>.npy                      the input, uint8 ('|u1'), shape (24, 32)
  <frame>.<kernel>.<mode>.npy      the expected feature map, int16 ('<i2')
for 4 frames (crops of skimage's camera, astronaut (grey), coins, and a synthetic frame of
0/255 extremes), every catalogue kernel of INTERFACE.md (integer and Q-format ones, and
'sobel' = |gx| + |gy|), and the modes valid, same-zero, same-replicate.

The numeric contract it encodes (INTERFACE.md, "--save-feature-map"):
  * correlation (no kernel flip) in exact int64 arithmetic;
  * same modes anchor the kernel at ((kh - 1) // 2, (kw - 1) // 2), PyTorch's
    padding='same' -- scipy.ndimage centres at k // 2 instead, which differs for even
    sizes (edge-x is 1x2), so the script pads explicitly and cross-checks against
    ndimage with origin = (k - 1) // 2 - k // 2, on asymmetric kernels too;
  * value = round-half-to-even(acc / 2^fractionBits), done in integers, saturated to int16;
  * 'sobel' = min(|sobel-x| + |sobel-y|, 32767).
Every result is computed twice (scipy.signal.correlate2d on explicitly padded input, and
scipy.ndimage.correlate) and once more from the definition with a sliding window; the
script stops if any two disagree.

How to regenerate (only needed if the contract or the frames change):
  sudo apt-get install python3-numpy python3-scipy python3-skimage
  /usr/bin/python3 tests/ConvCore.Fixed.Tests/Golden/make_golden.py
Use Debian's /usr/bin/python3 (the packages above), not another python3 on PATH.
Tested with numpy 1.24, scipy 1.10, scikit-image 0.19. The output is deterministic.

CI does not run this script: the .npy files are committed, and GoldenOracleTests.cs
compares the core with them exactly. Total size is about 350 KB.
"""

import pathlib

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy import ndimage, signal
import skimage.data

OUT = pathlib.Path(__file__).resolve().parent / "data"
H, W = 24, 32
MODES = ("valid", "same-zero", "same-replicate")


def kernel(rows, fraction_bits=0):
    return np.array(rows, dtype=np.int64), fraction_bits


# INTERFACE.md "Kernel catalogue", written out here by hand. box3 is 1/9 in Q12: 455.
SOBEL_X = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
SOBEL_Y = [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]
BINOMIAL = np.array([1, 4, 6, 4, 1], dtype=np.int64)
KERNELS = {
    "identity": kernel([[1]]),
    "edge-x": kernel([[1, -1]]),
    "edge-y": kernel([[1], [-1]]),
    "sobel-x": kernel(SOBEL_X),
    "sobel-y": kernel(SOBEL_Y),
    "prewitt-x": kernel([[-1, 0, 1]] * 3),
    "prewitt-y": kernel(np.array([[-1, 0, 1]] * 3).T.tolist()),
    "scharr-x": kernel([[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]]),
    "scharr-y": kernel(np.array([[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]]).T.tolist()),
    "laplacian4": kernel([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "laplacian8": kernel([[1, 1, 1], [1, -8, 1], [1, 1, 1]]),
    "sharpen": kernel([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "emboss": kernel([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]),
    "box3": kernel([[455] * 3] * 3, 12),
    "gaussian3": kernel([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 4),
    "gaussian5": kernel(np.outer(BINOMIAL, BINOMIAL).tolist(), 8),
}


def luma(rgb):
    """INTERFACE.md's integer BT.601: (77 R + 150 G + 29 B + 128) >> 8."""
    r, g, b = (rgb[..., i].astype(np.int64) for i in range(3))
    return ((77 * r + 150 * g + 29 * b + 128) >> 8).astype(np.uint8)


def synthetic():
    """0/255 extremes: a vertical and a horizontal step, a checkerboard, lone pixels at the borders."""
    f = np.zeros((H, W), dtype=np.uint8)
    f[:, W // 2:] = 255
    f[H // 2:, :] ^= 255
    f[2:8, 2:10] = (np.indices((6, 8)).sum(axis=0) % 2) * 255
    f[0, 0] = f[0, W - 1] = f[H - 1, 0] = 255
    f[H - 1, W - 1] = 0
    f[H // 3, 1::5] = 255
    return f


def frames():
    return {
        "camera": skimage.data.camera()[180:180 + H, 220:220 + W],
        "astronaut": luma(skimage.data.astronaut())[100:100 + H, 190:190 + W],
        "coins": skimage.data.coins()[40:40 + H, 40:40 + W],
        "synthetic": synthetic(),
    }


def anchor(k):
    kh, kw = k.shape
    return (kh - 1) // 2, (kw - 1) // 2


def by_definition(image, k, mode):
    """out[y, x] = sum_{r,c} k[r, c] * X[y - ay + r, x - ax + c], padded per the mode, in int64."""
    kh, kw = k.shape
    x = image.astype(np.int64)
    if mode != "valid":
        ay, ax = anchor(k)
        x = np.pad(x, ((ay, kh - 1 - ay), (ax, kw - 1 - ax)),
                   mode="constant" if mode == "same-zero" else "edge")
    windows = sliding_window_view(x, (kh, kw))
    return np.einsum("yxrc,rc->yx", windows, k)


def with_signal(image, k, mode):
    """scipy.signal.correlate2d (integer arithmetic) on the explicitly padded input."""
    kh, kw = k.shape
    x = image.astype(np.int64)
    if mode == "valid":
        return signal.correlate2d(x, k, mode="valid")
    ay, ax = anchor(k)
    padded = np.pad(x, ((ay, kh - 1 - ay), (ax, kw - 1 - ax)),
                    mode="constant" if mode == "same-zero" else "edge")
    return signal.correlate2d(padded, k, mode="valid")


def with_ndimage(image, k, mode):
    """scipy.ndimage.correlate with the origin moved from k // 2 to (k - 1) // 2.

    ndimage sums in float64; every sum here is below 2^53, so it is still exact.
    """
    kh, kw = k.shape
    x = image.astype(np.int64)
    if mode == "valid":
        full = ndimage.correlate(x, k, mode="constant", cval=0, origin=(-(kh // 2), -(kw // 2)))
        # with the origin at the top-left tap, out[y, x] reads X[y .. y+kh-1, x .. x+kw-1]
        return full[:H - kh + 1, :W - kw + 1]
    ay, ax = anchor(k)
    origin = (ay - kh // 2, ax - kw // 2)
    return ndimage.correlate(x, k, mode="constant" if mode == "same-zero" else "nearest",
                             cval=0, origin=origin)


def exact_correlation(image, k, mode):
    a = by_definition(image, k, mode)
    b = with_signal(image, k, mode)
    c = with_ndimage(image, k, mode)
    if not (np.array_equal(a, b) and np.array_equal(a, c)):
        raise SystemExit(f"oracles disagree for a {k.shape} kernel in {mode} mode")
    return a


def requantize(acc, fraction_bits):
    """round-half-to-even(acc / 2^fraction_bits), in integers, then saturate to int16."""
    acc = np.asarray(acc, dtype=np.int64)
    if fraction_bits > 0:
        q = acc >> fraction_bits                       # floor
        r = acc - (q << fraction_bits)                 # 0 .. 2^f - 1
        half = np.int64(1) << (fraction_bits - 1)
        q = q + ((r > half) | ((r == half) & (q & 1 == 1)))
        acc = q
    return np.clip(acc, -32768, 32767).astype("<i2")


def self_check():
    """The anchors and the rounding, on cases whose answers are known by hand."""
    x = np.arange(12, dtype=np.uint8).reshape(3, 4)
    k = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64)       # asymmetric, even rows
    # same-zero, anchor (0, 1): out[0, 0] = 1*0 + 2*X[0,0] + 3*X[0,1] + 4*0 + 5*X[1,0] + 6*X[1,1]
    out = exact_correlation(x, k, "same-zero")
    assert out[0, 0] == 2 * 0 + 3 * 1 + 5 * 4 + 6 * 5, out[0, 0]
    # same-replicate: bottom row reads the replicated last row
    out = exact_correlation(x, k, "same-replicate")
    assert out[2, 3] == 1 * 10 + 2 * 11 + 3 * 11 + 4 * 10 + 5 * 11 + 6 * 11, out[2, 3]
    rng = np.random.default_rng(7)
    for shape in [(1, 2), (2, 1), (2, 2), (4, 4), (2, 5), (3, 4)]:
        exact_correlation(rng.integers(0, 256, (H, W)).astype(np.uint8),
                          rng.integers(-9, 10, shape), "same-zero")
        exact_correlation(rng.integers(0, 256, (H, W)).astype(np.uint8),
                          rng.integers(-9, 10, shape), "same-replicate")
    got = requantize([8, 24, 40, -8, -24, -40, 25, 23, 2 ** 30], 4)
    assert got.tolist() == [0, 2, 2, 0, -2, -2, 2, 1, 32767], got.tolist()


def main():
    self_check()
    OUT.mkdir(exist_ok=True)
    written = 0
    for frame_name, frame in frames().items():
        assert frame.shape == (H, W) and frame.dtype == np.uint8
        np.save(OUT / f"{frame_name}.npy", np.ascontiguousarray(frame))
        for mode in MODES:
            maps = {}
            for name, (k, fraction_bits) in KERNELS.items():
                maps[name] = requantize(exact_correlation(frame, k, mode), fraction_bits)
            gx = maps["sobel-x"].astype(np.int64)
            gy = maps["sobel-y"].astype(np.int64)
            maps["sobel"] = np.minimum(np.abs(gx) + np.abs(gy), 32767).astype("<i2")
            for name, m in maps.items():
                np.save(OUT / f"{frame_name}.{name}.{mode}.npy", np.ascontiguousarray(m))
                written += 1
    total = sum(p.stat().st_size for p in OUT.glob("*.npy"))
    print(f"wrote {written} feature maps and 4 frames to {OUT} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
