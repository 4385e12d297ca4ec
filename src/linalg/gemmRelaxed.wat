;; gemm.wat with fused multiply-add: each c += x·y is one f64x2.relaxed_madd, which V8 compiles
;; to vfmadd231pd where the CPU has FMA3 (one rounding instead of two, half the instructions).
;; Relaxed SIMD is not on by default in every runtime, so this module is only compiled where
;; WebAssembly.validate accepts it; gemm.wat stays the fallback. Everything else is identical:
;; keep the two files in step.
;;
;;   C(i, j) (+)= Σ_p A(i, p)·B(p, j)   for i < m, j < n, with m and n multiples of 4
;;
;; A is read by scalars at any strides (so Aᵀ costs nothing); B and C are read two columns at
;; a time (f64x2), so their columns must be contiguous. A 4×4 block of C lives in eight f64x2
;; accumulators; with four A values and two B vectors that is 14 live registers, which fits
;; the fifteen V8 allocates of x86-64's sixteen (wider blocks, 5×4, 6×4 and 4×6, were measured
;; at half the speed: they spill). Each A value is loaded straight into both lanes
;; (v128.load64_splat, one vmovddup) rather than loaded and then splatted. All addresses and
;; strides are in bytes.
(module
  (memory (export "memory") 1)
  (func (export "gemm")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $brs i32)
    (param $c i32) (param $crs i32) (param $accumulate i32)
    (local $i i32) (local $j i32) (local $p i32) (local $pa i32) (local $pb i32) (local $q i32)
    (local $ars2 i32) (local $ars3 i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $y0 v128) (local $y1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $ars2 (i32.shl (local.get $ars) (i32.const 1)))
    (local.set $ars3 (i32.add (local.get $ars2) (local.get $ars)))
    (if (i32.or (i32.eqz (local.get $m)) (i32.eqz (local.get $n))) (then (return)))
    (loop $rows
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $c00 (v128.const f64x2 0 0))
        (local.set $c01 (v128.const f64x2 0 0))
        (local.set $c10 (v128.const f64x2 0 0))
        (local.set $c11 (v128.const f64x2 0 0))
        (local.set $c20 (v128.const f64x2 0 0))
        (local.set $c21 (v128.const f64x2 0 0))
        (local.set $c30 (v128.const f64x2 0 0))
        (local.set $c31 (v128.const f64x2 0 0))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))))
        (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $p (local.get $k))
        (block $done
          (br_if $done (i32.eqz (local.get $p)))
          (loop $inner
            (local.set $x0 (v128.load64_splat (local.get $pa)))
            (local.set $x1 (v128.load64_splat (i32.add (local.get $pa) (local.get $ars))))
            (local.set $x2 (v128.load64_splat (i32.add (local.get $pa) (local.get $ars2))))
            (local.set $x3 (v128.load64_splat (i32.add (local.get $pa) (local.get $ars3))))
            (local.set $y0 (v128.load (local.get $pb)))
            (local.set $y1 (v128.load offset=16 (local.get $pb)))
            (local.set $c00 (f64x2.relaxed_madd (local.get $x0) (local.get $y0) (local.get $c00)))
            (local.set $c01 (f64x2.relaxed_madd (local.get $x0) (local.get $y1) (local.get $c01)))
            (local.set $c10 (f64x2.relaxed_madd (local.get $x1) (local.get $y0) (local.get $c10)))
            (local.set $c11 (f64x2.relaxed_madd (local.get $x1) (local.get $y1) (local.get $c11)))
            (local.set $c20 (f64x2.relaxed_madd (local.get $x2) (local.get $y0) (local.get $c20)))
            (local.set $c21 (f64x2.relaxed_madd (local.get $x2) (local.get $y1) (local.get $c21)))
            (local.set $c30 (f64x2.relaxed_madd (local.get $x3) (local.get $y0) (local.get $c30)))
            (local.set $c31 (f64x2.relaxed_madd (local.get $x3) (local.get $y1) (local.get $c31)))
            (local.set $pa (i32.add (local.get $pa) (local.get $acs)))
            (local.set $pb (i32.add (local.get $pb) (local.get $brs)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br_if $inner (local.get $p))))
        (local.set $q (i32.add (local.get $c)
          (i32.add (i32.mul (local.get $i) (local.get $crs)) (i32.shl (local.get $j) (i32.const 3)))))
        (if (local.get $accumulate) (then
          (v128.store offset=0 (local.get $q) (f64x2.add (v128.load offset=0 (local.get $q)) (local.get $c00)))
          (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $c01)))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (f64x2.add (v128.load offset=0 (local.get $q)) (local.get $c10)))
          (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $c11)))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (f64x2.add (v128.load offset=0 (local.get $q)) (local.get $c20)))
          (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $c21)))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (f64x2.add (v128.load offset=0 (local.get $q)) (local.get $c30)))
          (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $c31)))
        ) (else
          (v128.store offset=0 (local.get $q) (local.get $c00))
          (v128.store offset=16 (local.get $q) (local.get $c01))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (local.get $c10))
          (v128.store offset=16 (local.get $q) (local.get $c11))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (local.get $c20))
          (v128.store offset=16 (local.get $q) (local.get $c21))
          (local.set $q (i32.add (local.get $q) (local.get $crs)))
          (v128.store offset=0 (local.get $q) (local.get $c30))
          (v128.store offset=16 (local.get $q) (local.get $c31))
        ))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br_if $cols (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $rows (i32.lt_u (local.get $i) (local.get $m))))))
