;; Float32 dot products of vectors against codebook rows, for the nearest-code search of
;; @jointok/core (packages/core/src/quantizers/math/simd-nearest-scan.ts). Built into a base64 TS
;; module by tools/wasm/build-kernels.mjs; a test checks the committed bytes against this source.
;;
;; Layout (all float32, byte addresses in the imported memory):
;;   x     count × dim, row-major; count is a multiple of 4 (the caller pads with zero vectors).
;;   book  blocks × dim × 8: block b holds rows 8b..8b+7 transposed, so the 8 values of channel d
;;         are contiguous (two f32x4 loads).
;;   out   out[n·stride + 8b + j] = x_n · row(8b + j), for n < count, b < blocks, j < 8.
;;
;; Each dot product is one f32x4 lane accumulated from 0 in channel order d = 0, 1, …, dim − 1
;; (one rounded product and one rounded addition per channel, no fused multiply-add): recursive
;; summation, whose error the TypeScript side bounds.
;;
;; Per channel, 4 vectors × 8 rows share two row loads and four splat loads (`v128.load32_splat`,
;; a plain broadcast load, where `f32x4.splat` of a scalar load costs a shuffle on the arithmetic
;; ports); the 8 accumulators stay in registers and need no horizontal sums.
;;
;; `idots` is the same tile on int16 values: vectors and rows scaled by powers of two and rounded
;; to integers of at most 32767 in magnitude (scales chosen so that ‖x̃‖·‖ẽ‖ < 2³¹, which bounds every sum), two channels per i32 lane
;; (`i32x4.dot_i16x8_s`), summed exactly in int32, then converted to float32 and multiplied by the
;; vector's scale. Twice the multiply-adds per instruction of the float32 tile; the TypeScript side
;; bounds the quantisation error (packages/core/src/quantizers/math/int16-screen.ts).
;;
;; `minimum` and `collect` then pick the rows worth rescoring from one vector's row of `out`, in
;; float32 scores s_k = offsets[k] − out[k] (offsets: ‖e_k‖²/2 for l2, 0 for dot, +∞ for padding
;; rows), so that no per-row work is left to JavaScript.
(module
  (memory (import "env" "memory") 1)
  (func (export "dots")
    (param $x i32) (param $count i32) (param $dim i32)
    (param $book i32) (param $blocks i32) (param $out i32) (param $stride i32)
    (local $rowBytes i32) (local $blockBytes i32) (local $strideBytes i32)
    (local $n i32) (local $b i32) (local $x0 i32) (local $p i32) (local $end i32) (local $q i32)
    (local $o i32)
    (local $c0 v128) (local $c1 v128) (local $s v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $blockBytes (i32.shl (local.get $dim) (i32.const 5)))
    (local.set $strideBytes (i32.shl (local.get $stride) (i32.const 2)))
    (if (i32.or (i32.le_s (local.get $count) (i32.const 0))
                (i32.or (i32.le_s (local.get $blocks) (i32.const 0)) (i32.le_s (local.get $dim) (i32.const 0))))
      (then (return)))
    (local.set $n (i32.const 0))
    (loop $vectors
      (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $rowBytes))))
      (local.set $b (i32.const 0))
      (loop $rows
        (local.set $p (i32.add (local.get $book) (i32.mul (local.get $b) (local.get $blockBytes))))
        (local.set $end (i32.add (local.get $p) (local.get $blockBytes)))
        (local.set $q (local.get $x0))
        (local.set $a00 (v128.const i32x4 0 0 0 0))
        (local.set $a01 (v128.const i32x4 0 0 0 0))
        (local.set $a10 (v128.const i32x4 0 0 0 0))
        (local.set $a11 (v128.const i32x4 0 0 0 0))
        (local.set $a20 (v128.const i32x4 0 0 0 0))
        (local.set $a21 (v128.const i32x4 0 0 0 0))
        (local.set $a30 (v128.const i32x4 0 0 0 0))
        (local.set $a31 (v128.const i32x4 0 0 0 0))
        (loop $channels
          (local.set $c0 (v128.load (local.get $p)))
          (local.set $c1 (v128.load offset=16 (local.get $p)))
          (local.set $s (v128.load32_splat (local.get $q)))
          (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $c0))))
          (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (local.get $rowBytes))))
          (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $c0))))
          (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (i32.shl (local.get $rowBytes) (i32.const 1)))))
          (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $c0))))
          (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (i32.mul (local.get $rowBytes) (i32.const 3)))))
          (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $c0))))
          (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $c1))))
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (local.set $p (i32.add (local.get $p) (i32.const 32)))
          (br_if $channels (i32.lt_u (local.get $p) (local.get $end))))
        ;; out address of (vector n, row 8b)
        (local.set $o (i32.add (i32.add (local.get $out) (i32.mul (local.get $n) (local.get $strideBytes)))
                               (i32.shl (local.get $b) (i32.const 5))))
        (v128.store (local.get $o) (local.get $a00))
        (v128.store offset=16 (local.get $o) (local.get $a01))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (v128.store (local.get $o) (local.get $a10))
        (v128.store offset=16 (local.get $o) (local.get $a11))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (v128.store (local.get $o) (local.get $a20))
        (v128.store offset=16 (local.get $o) (local.get $a21))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (v128.store (local.get $o) (local.get $a30))
        (v128.store offset=16 (local.get $o) (local.get $a31))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br_if $rows (i32.lt_s (local.get $b) (local.get $blocks))))
      (local.set $n (i32.add (local.get $n) (i32.const 4)))
      (br_if $vectors (i32.lt_s (local.get $n) (local.get $count)))))

  ;; Int16 dot products: x holds count × pairs i32 words (two int16 channels each, channel 2i in the
  ;; low half), book holds blocks × pairs × 8 words (block b: for each channel pair, rows 8b..8b+7),
  ;; scales holds one float32 per vector; out[n·stride + 8b + j] = f32(Σ x̃·ẽ) · scales[n].
  ;; The caller keeps every sum below 2³¹ in magnitude, so the int32 lanes never wrap.
  ;; Fused `minimum`: mins holds one f32x4 per vector (the caller fills it with +∞ before the first
  ;; call of a chunk); each lane keeps the smallest offsets[k] − out[k] of its rows, the same float32
  ;; operations as `minimum` on the stored dots, so the smallest lane equals `minimum`'s result.
  ;; offsets points at the offsets of the call's first row (row 0 of block 0 of this call).
  (func (export "idots")
    (param $x i32) (param $count i32) (param $pairs i32)
    (param $book i32) (param $blocks i32) (param $out i32) (param $stride i32) (param $scales i32)
    (param $offsets i32) (param $mins i32)
    (local $rowBytes i32) (local $blockBytes i32) (local $strideBytes i32)
    (local $n i32) (local $b i32) (local $x0 i32) (local $p i32) (local $end i32) (local $q i32)
    (local $o i32) (local $sc i32) (local $mn i32) (local $po i32)
    (local $c0 v128) (local $c1 v128) (local $s v128) (local $d0 v128) (local $d1 v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $rowBytes (i32.shl (local.get $pairs) (i32.const 2)))
    (local.set $blockBytes (i32.shl (local.get $pairs) (i32.const 5)))
    (local.set $strideBytes (i32.shl (local.get $stride) (i32.const 2)))
    (if (i32.or (i32.le_s (local.get $count) (i32.const 0))
                (i32.or (i32.le_s (local.get $blocks) (i32.const 0)) (i32.le_s (local.get $pairs) (i32.const 0))))
      (then (return)))
    (local.set $n (i32.const 0))
    (loop $vectors
      (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $rowBytes))))
      (local.set $b (i32.const 0))
      (loop $rows
        (local.set $p (i32.add (local.get $book) (i32.mul (local.get $b) (local.get $blockBytes))))
        (local.set $end (i32.add (local.get $p) (local.get $blockBytes)))
        (local.set $q (local.get $x0))
        (local.set $a00 (v128.const i32x4 0 0 0 0))
        (local.set $a01 (v128.const i32x4 0 0 0 0))
        (local.set $a10 (v128.const i32x4 0 0 0 0))
        (local.set $a11 (v128.const i32x4 0 0 0 0))
        (local.set $a20 (v128.const i32x4 0 0 0 0))
        (local.set $a21 (v128.const i32x4 0 0 0 0))
        (local.set $a30 (v128.const i32x4 0 0 0 0))
        (local.set $a31 (v128.const i32x4 0 0 0 0))
        (loop $channels
          (local.set $c0 (v128.load (local.get $p)))
          (local.set $c1 (v128.load offset=16 (local.get $p)))
          (local.set $s (v128.load32_splat (local.get $q)))
          (local.set $a00 (i32x4.add (local.get $a00) (i32x4.dot_i16x8_s (local.get $s) (local.get $c0))))
          (local.set $a01 (i32x4.add (local.get $a01) (i32x4.dot_i16x8_s (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (local.get $rowBytes))))
          (local.set $a10 (i32x4.add (local.get $a10) (i32x4.dot_i16x8_s (local.get $s) (local.get $c0))))
          (local.set $a11 (i32x4.add (local.get $a11) (i32x4.dot_i16x8_s (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (i32.shl (local.get $rowBytes) (i32.const 1)))))
          (local.set $a20 (i32x4.add (local.get $a20) (i32x4.dot_i16x8_s (local.get $s) (local.get $c0))))
          (local.set $a21 (i32x4.add (local.get $a21) (i32x4.dot_i16x8_s (local.get $s) (local.get $c1))))
          (local.set $s (v128.load32_splat (i32.add (local.get $q) (i32.mul (local.get $rowBytes) (i32.const 3)))))
          (local.set $a30 (i32x4.add (local.get $a30) (i32x4.dot_i16x8_s (local.get $s) (local.get $c0))))
          (local.set $a31 (i32x4.add (local.get $a31) (i32x4.dot_i16x8_s (local.get $s) (local.get $c1))))
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (local.set $p (i32.add (local.get $p) (i32.const 32)))
          (br_if $channels (i32.lt_u (local.get $p) (local.get $end))))
        ;; out address of (vector n, row 8b); sc: address of the scale of vector n
        (local.set $o (i32.add (i32.add (local.get $out) (i32.mul (local.get $n) (local.get $strideBytes)))
                               (i32.shl (local.get $b) (i32.const 5))))
        (local.set $sc (i32.add (local.get $scales) (i32.shl (local.get $n) (i32.const 2))))
        (local.set $mn (i32.add (local.get $mins) (i32.shl (local.get $n) (i32.const 4))))
        (local.set $po (i32.add (local.get $offsets) (i32.shl (local.get $b) (i32.const 5))))
        (local.set $c0 (v128.load (local.get $po)))
        (local.set $c1 (v128.load offset=16 (local.get $po)))
        (local.set $s (v128.load32_splat offset=0 (local.get $sc)))
        (local.set $d0 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a00)) (local.get $s)))
        (local.set $d1 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a01)) (local.get $s)))
        (v128.store (local.get $o) (local.get $d0))
        (v128.store offset=16 (local.get $o) (local.get $d1))
        (v128.store offset=0 (local.get $mn) (f32x4.min (v128.load offset=0 (local.get $mn))
          (f32x4.min (f32x4.sub (local.get $c0) (local.get $d0)) (f32x4.sub (local.get $c1) (local.get $d1)))))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (local.set $s (v128.load32_splat offset=4 (local.get $sc)))
        (local.set $d0 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a10)) (local.get $s)))
        (local.set $d1 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a11)) (local.get $s)))
        (v128.store (local.get $o) (local.get $d0))
        (v128.store offset=16 (local.get $o) (local.get $d1))
        (v128.store offset=16 (local.get $mn) (f32x4.min (v128.load offset=16 (local.get $mn))
          (f32x4.min (f32x4.sub (local.get $c0) (local.get $d0)) (f32x4.sub (local.get $c1) (local.get $d1)))))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (local.set $s (v128.load32_splat offset=8 (local.get $sc)))
        (local.set $d0 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a20)) (local.get $s)))
        (local.set $d1 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a21)) (local.get $s)))
        (v128.store (local.get $o) (local.get $d0))
        (v128.store offset=16 (local.get $o) (local.get $d1))
        (v128.store offset=32 (local.get $mn) (f32x4.min (v128.load offset=32 (local.get $mn))
          (f32x4.min (f32x4.sub (local.get $c0) (local.get $d0)) (f32x4.sub (local.get $c1) (local.get $d1)))))
        (local.set $o (i32.add (local.get $o) (local.get $strideBytes)))
        (local.set $s (v128.load32_splat offset=12 (local.get $sc)))
        (local.set $d0 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a30)) (local.get $s)))
        (local.set $d1 (f32x4.mul (f32x4.convert_i32x4_s (local.get $a31)) (local.get $s)))
        (v128.store (local.get $o) (local.get $d0))
        (v128.store offset=16 (local.get $o) (local.get $d1))
        (v128.store offset=48 (local.get $mn) (f32x4.min (v128.load offset=48 (local.get $mn))
          (f32x4.min (f32x4.sub (local.get $c0) (local.get $d0)) (f32x4.sub (local.get $c1) (local.get $d1)))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br_if $rows (i32.lt_s (local.get $b) (local.get $blocks))))
      (local.set $n (i32.add (local.get $n) (i32.const 4)))
      (br_if $vectors (i32.lt_s (local.get $n) (local.get $count)))))

  ;; The smallest s_k = offsets[k] − scores[k] over 4·groups rows (groups ≥ 1).
  ;; Per vector of x (count × dim float32): norms[n] (float64) = Σ x_d² summed in double from channel 0
  ;; (each square exact in double, one rounding per addition: the same value as core's TypeScript
  ;; loops), and maxes[n] (float32) = max |x_d| where every value is finite (with a NaN or ±∞ the
  ;; norm is NaN or +∞, which callers check first, and maxes[n] is unspecified).
  (func (export "stats") (param $x i32) (param $count i32) (param $dim i32) (param $norms i32) (param $maxes i32)
    (local $n i32) (local $p i32) (local $end i32) (local $sum f64) (local $v f64) (local $m f32) (local $a f32)
    (local $rowBytes i32) (local $s01 v128) (local $s23 v128) (local $d v128)
    (local $sum01 v128) (local $sum23 v128) (local $m01 v128) (local $m23 v128)
    (if (i32.or (i32.le_s (local.get $count) (i32.const 0)) (i32.le_s (local.get $dim) (i32.const 0))) (then (return)))
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    ;; Four vectors at a time, each in its own float64 lane (vectors n, n+1 in one f64x2, n+2, n+3 in
    ;; another): every lane still sums its own vector from channel 0, so the values are those of the
    ;; one-vector loop below, but four additions are in flight instead of one (the loop is bound by
    ;; the latency of the addition).
    (block $groups
      (loop $group
        (br_if $groups (i32.gt_s (i32.add (local.get $n) (i32.const 4)) (local.get $count)))
        (local.set $p (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $rowBytes))))
        (local.set $end (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $sum01 (v128.const f64x2 0 0))
        (local.set $sum23 (v128.const f64x2 0 0))
        (local.set $m01 (v128.const f32x4 0 0 0 0))
        (local.set $m23 (v128.const f32x4 0 0 0 0))
        (loop $channels
          (local.set $s01 (v128.load32_lane 1 (i32.add (local.get $p) (local.get $rowBytes)) (v128.load32_zero (local.get $p))))
          (local.set $s23 (v128.load32_lane 1 (i32.add (local.get $p) (i32.mul (local.get $rowBytes) (i32.const 3)))
            (v128.load32_zero (i32.add (local.get $p) (i32.shl (local.get $rowBytes) (i32.const 1))))))
          (local.set $d (f64x2.promote_low_f32x4 (local.get $s01)))
          (local.set $sum01 (f64x2.add (local.get $sum01) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $d (f64x2.promote_low_f32x4 (local.get $s23)))
          (local.set $sum23 (f64x2.add (local.get $sum23) (f64x2.mul (local.get $d) (local.get $d))))
          ;; pmax (one maxps) instead of the NaN-propagating f32x4.max, which V8 spends several
          ;; instructions on: a NaN or ±∞ already makes the vector's norm non-finite.
          (local.set $m01 (f32x4.pmax (local.get $m01) (f32x4.abs (local.get $s01))))
          (local.set $m23 (f32x4.pmax (local.get $m23) (f32x4.abs (local.get $s23))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br_if $channels (i32.lt_u (local.get $p) (local.get $end))))
        (v128.store (i32.add (local.get $norms) (i32.shl (local.get $n) (i32.const 3))) (local.get $sum01))
        (v128.store offset=16 (i32.add (local.get $norms) (i32.shl (local.get $n) (i32.const 3))) (local.get $sum23))
        (v128.store64_lane 0 (i32.add (local.get $maxes) (i32.shl (local.get $n) (i32.const 2))) (local.get $m01))
        (v128.store64_lane offset=8 0 (i32.add (local.get $maxes) (i32.shl (local.get $n) (i32.const 2))) (local.get $m23))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $group)))
    (if (i32.ge_s (local.get $n) (local.get $count)) (then (return)))
    (local.set $p (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $rowBytes))))
    (loop $vectors
      (local.set $end (i32.add (local.get $p) (local.get $rowBytes)))
      (local.set $sum (f64.const 0))
      (local.set $m (f32.const 0))
      (loop $channels
        (local.set $a (f32.load (local.get $p)))
        (local.set $v (f64.promote_f32 (local.get $a)))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $v) (local.get $v))))
        ;; f32.max propagates NaN, so a NaN channel leaves NaN.
        (local.set $m (f32.max (local.get $m) (f32.abs (local.get $a))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $channels (i32.lt_u (local.get $p) (local.get $end))))
      (f64.store (i32.add (local.get $norms) (i32.shl (local.get $n) (i32.const 3))) (local.get $sum))
      (f32.store (i32.add (local.get $maxes) (i32.shl (local.get $n) (i32.const 2))) (local.get $m))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $vectors (i32.lt_s (local.get $n) (local.get $count)))))

  ;; Quantizes count float32 vectors of dim channels (x, row-major) for `idots`: channel d of vector
  ;; n becomes nearest(x·inverses[n]) (round half to even) as int16 at out + 2·(n·2·pairs + d), and
  ;; the padding channel of an odd dim becomes 0. inverses[n] is a power of two chosen by the caller so
  ;; that every |x·inverses[n]| ≤ 32767 (NaN and ±∞ saturate; the caller screens such vectors out).
  ;; Works 8 channels at a time: it reads up to 7 floats past the last vector and writes up to 7
  ;; int16 past a vector's row (into the next row, rewritten when that row is done, or past the
  ;; last one), so the caller leaves 32 bytes of room after x and after out.
  (func (export "quantize") (param $x i32) (param $count i32) (param $dim i32) (param $inverses i32) (param $out i32) (param $pairs i32)
    (local $n i32) (local $d i32) (local $p i32) (local $o i32) (local $s v128)
    (if (i32.or (i32.le_s (local.get $count) (i32.const 0)) (i32.le_s (local.get $dim) (i32.const 0)))
      (then (return)))
    (loop $vectors
      (local.set $s (v128.load32_splat (i32.add (local.get $inverses) (i32.shl (local.get $n) (i32.const 2)))))
      (local.set $p (i32.add (local.get $x) (i32.shl (i32.mul (local.get $n) (local.get $dim)) (i32.const 2))))
      (local.set $o (i32.add (local.get $out) (i32.shl (i32.mul (local.get $n) (local.get $pairs)) (i32.const 2))))
      (local.set $d (i32.const 0))
      (loop $channels
        (v128.store (local.get $o)
          (i16x8.narrow_i32x4_s
            (i32x4.trunc_sat_f32x4_s (f32x4.nearest (f32x4.mul (v128.load (local.get $p)) (local.get $s))))
            (i32x4.trunc_sat_f32x4_s (f32x4.nearest (f32x4.mul (v128.load offset=16 (local.get $p)) (local.get $s))))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))
        (br_if $channels (i32.lt_s (local.get $d) (local.get $dim))))
      (if (i32.and (local.get $dim) (i32.const 1))
        (then (i32.store16
          (i32.add (i32.add (local.get $out) (i32.shl (i32.mul (local.get $n) (local.get $pairs)) (i32.const 2)))
                   (i32.shl (local.get $dim) (i32.const 1)))
          (i32.const 0))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $vectors (i32.lt_s (local.get $n) (local.get $count)))))

  ;; One residual-VQ step on count float32 vectors of dim channels (x, row-major): vector n loses row
  ;; codes[n] (int32) of rows (float32, row-major, dim per row), x[n][d] = x[n][d] − row[d], rounded
  ;; to float32 as Float32Array stores are (f32x4.sub rounds each lane as f32.sub does). Four
  ;; channels per step, the last dim mod 4 one at a time.
  (func (export "subtract") (param $x i32) (param $count i32) (param $dim i32) (param $rows i32) (param $codes i32)
    (local $n i32) (local $p i32) (local $r i32) (local $rowBytes i32) (local $end i32) (local $wholeEnd i32)
    (if (i32.or (i32.le_s (local.get $count) (i32.const 0)) (i32.le_s (local.get $dim) (i32.const 0))) (then (return)))
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $p (local.get $x))
    (loop $vectors
      (local.set $r (i32.add (local.get $rows)
        (i32.mul (i32.load (i32.add (local.get $codes) (i32.shl (local.get $n) (i32.const 2)))) (local.get $rowBytes))))
      (local.set $end (i32.add (local.get $p) (local.get $rowBytes)))
      (local.set $wholeEnd (i32.add (local.get $p) (i32.and (local.get $rowBytes) (i32.const -16))))
      (block $whole
        (loop $quads
          (br_if $whole (i32.ge_u (local.get $p) (local.get $wholeEnd)))
          (v128.store (local.get $p) (f32x4.sub (v128.load (local.get $p)) (v128.load (local.get $r))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (local.set $r (i32.add (local.get $r) (i32.const 16)))
          (br $quads)))
      (block $rest
        (loop $singles
          (br_if $rest (i32.ge_u (local.get $p) (local.get $end)))
          (f32.store (local.get $p) (f32.sub (f32.load (local.get $p)) (f32.load (local.get $r))))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $r (i32.add (local.get $r) (i32.const 4)))
          (br $singles)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $vectors (i32.lt_s (local.get $n) (local.get $count)))))

  ;; Two running minima (8 rows per step), so that the f32x4.min latency does not bound the loop;
  ;; an odd last group goes to the first.
  (func (export "minimum") (param $scores i32) (param $offsets i32) (param $groups i32) (result f32)
    (local $m v128) (local $m2 v128) (local $end i32)
    (local.set $m (v128.const f32x4 inf inf inf inf))
    (local.set $m2 (v128.const f32x4 inf inf inf inf))
    (local.set $end (i32.add (local.get $scores) (i32.shl (i32.and (local.get $groups) (i32.const -2)) (i32.const 4))))
    (if (i32.ge_s (local.get $groups) (i32.const 2))
      (then
        (loop $rows
          (local.set $m (f32x4.min (local.get $m)
            (f32x4.sub (v128.load (local.get $offsets)) (v128.load (local.get $scores)))))
          (local.set $m2 (f32x4.min (local.get $m2)
            (f32x4.sub (v128.load offset=16 (local.get $offsets)) (v128.load offset=16 (local.get $scores)))))
          (local.set $scores (i32.add (local.get $scores) (i32.const 32)))
          (local.set $offsets (i32.add (local.get $offsets) (i32.const 32)))
          (br_if $rows (i32.lt_u (local.get $scores) (local.get $end))))))
    (if (i32.and (local.get $groups) (i32.const 1))
      (then (local.set $m (f32x4.min (local.get $m)
        (f32x4.sub (v128.load (local.get $offsets)) (v128.load (local.get $scores)))))))
    (local.set $m (f32x4.min (local.get $m) (local.get $m2)))
    (f32.min
      (f32.min (f32x4.extract_lane 0 (local.get $m)) (f32x4.extract_lane 1 (local.get $m)))
      (f32.min (f32x4.extract_lane 2 (local.get $m)) (f32x4.extract_lane 3 (local.get $m)))))

  ;; Writes, in increasing order, every row k < 4·groups with s_k ≤ limit to out (i32) and returns
  ;; how many; s_k is computed exactly as in `minimum`. Usually only a row or two of a vector's
  ;; thousand qualify, so 16 rows are first tested at once and skipped together when none does;
  ;; otherwise (and for the last groups) 4 rows at a time go through the bitmask.
  (func (export "collect") (param $scores i32) (param $offsets i32) (param $groups i32) (param $limit f32) (param $out i32) (result i32)
    (local $l v128) (local $k i32) (local $end i32) (local $mask i32) (local $found i32)
    (local.set $l (f32x4.splat (local.get $limit)))
    (local.set $end (i32.shl (local.get $groups) (i32.const 2)))
    (loop $rows
      (block $quad
        (br_if $quad (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
        (br_if $quad (v128.any_true (v128.or
          (v128.or
            (f32x4.le (f32x4.sub (v128.load (local.get $offsets)) (v128.load (local.get $scores))) (local.get $l))
            (f32x4.le (f32x4.sub (v128.load offset=16 (local.get $offsets)) (v128.load offset=16 (local.get $scores))) (local.get $l)))
          (v128.or
            (f32x4.le (f32x4.sub (v128.load offset=32 (local.get $offsets)) (v128.load offset=32 (local.get $scores))) (local.get $l))
            (f32x4.le (f32x4.sub (v128.load offset=48 (local.get $offsets)) (v128.load offset=48 (local.get $scores))) (local.get $l))))))
        (local.set $scores (i32.add (local.get $scores) (i32.const 64)))
        (local.set $offsets (i32.add (local.get $offsets) (i32.const 64)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br_if $rows (i32.lt_u (local.get $k) (local.get $end)))
        (return (local.get $found)))
      (local.set $mask (i32x4.bitmask (f32x4.le
        (f32x4.sub (v128.load (local.get $offsets)) (v128.load (local.get $scores)))
        (local.get $l))))
      (if (local.get $mask)
        (then
          (if (i32.and (local.get $mask) (i32.const 1))
            (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $found) (i32.const 2))) (local.get $k))
                  (local.set $found (i32.add (local.get $found) (i32.const 1)))))
          (if (i32.and (local.get $mask) (i32.const 2))
            (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $found) (i32.const 2))) (i32.add (local.get $k) (i32.const 1)))
                  (local.set $found (i32.add (local.get $found) (i32.const 1)))))
          (if (i32.and (local.get $mask) (i32.const 4))
            (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $found) (i32.const 2))) (i32.add (local.get $k) (i32.const 2)))
                  (local.set $found (i32.add (local.get $found) (i32.const 1)))))
          (if (i32.and (local.get $mask) (i32.const 8))
            (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $found) (i32.const 2))) (i32.add (local.get $k) (i32.const 3)))
                  (local.set $found (i32.add (local.get $found) (i32.const 1)))))))
      (local.set $scores (i32.add (local.get $scores) (i32.const 16)))
      (local.set $offsets (i32.add (local.get $offsets) (i32.const 16)))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br_if $rows (i32.lt_u (local.get $k) (local.get $end))))
    (local.get $found)))
