;; e^x and σ(z) over arrays, two lanes at a time (see vectorExp.ts, which moves data in and out).
;;
;; The exponential is fdlibm's __ieee754_exp, the algorithm behind V8's Math.exp, operation for
;; operation: the same constants, the same reduction x = k·ln2 + r (ln2 split in two so k·ln2hi
;; is exact), the same rational approximation of e^r and the same scaling by 2^k, with no
;; fused multiply-add (WebAssembly never contracts a multiply and an add). So every lane is
;; bit for bit what Math.exp gives, and the batch gradient and the scalar passes keep agreeing
;; to the last bit. fdlibm's branches become lane selects:
;;   |x| < 2^-28          → 1 + x
;;   |x| ≤ ln2/2          → k = 0 (fdlibm's own formula for k = 0 is this one with lo = 0)
;;   ln2/2 < |x| < 3ln2/2 → k = ±1, which the general k = trunc(x/ln2 ± 1/2) also gives there
;;   x = 1                → fdlibm returns the correctly rounded e
;; A pair with a lane of |x| ≥ 704 (where 2^k leaves the normal range), an infinity or a NaN
;; is rare and goes whole to the host's Math.exp, imported as math.exp. Constants live in locals
;; set before the loop (V8 would otherwise rebuild each v128 constant on every pass: a fifth of
;; the time), and one loop serves every export so that the algorithm is written once. Addresses
;; are in bytes; n is a count of doubles, rounded up to pairs (the caller leaves room for one
;; past the end).
(module
  (import "math" "exp" (func $hostExp (param f64) (result f64)))
  (memory (export "memory") 1)

  ;; out[q] = f(z[q]) for q < n, where f is chosen by $mode: 0 for e^z, 1 for e^−|z| (the exp
  ;; of softplus(z) = max(z, 0) + log1p(e^−|z|)), 2 for σ(z) as gradcheck's scalar sigmoid
  ;; computes it: with e = e^−|z|, 1/(1 + e) for z ≥ 0 and e/(1 + e) otherwise (no overflow).
  (func $map (param $from i32) (param $out i32) (param $n i32) (param $mode i32)
    (local $end i32)
    (local $z v128) (local $x v128) (local $abs v128) (local $k v128) (local $hi v128) (local $lo v128)
    (local $r v128) (local $t v128) (local $c v128) (local $y v128)
    (local $ABS v128) (local $SIGN v128) (local $HALF v128) (local $INVLN2 v128) (local $LN2HI v128) (local $LN2LO v128)
    (local $P1 v128) (local $P2 v128) (local $P3 v128) (local $P4 v128) (local $P5 v128)
    (local $ONE v128) (local $TWO v128) (local $BIAS v128) (local $FAR v128) (local $NEAR v128) (local $TINY v128) (local $E v128)
    (local.set $ABS (v128.const i64x2 0x7fffffffffffffff 0x7fffffffffffffff))
    (local.set $SIGN (v128.const i64x2 0x8000000000000000 0x8000000000000000))
    (local.set $HALF (f64x2.splat (f64.const 0.5)))
    (local.set $INVLN2 (f64x2.splat (f64.const 0x1.71547652b82fep+0)))
    (local.set $LN2HI (f64x2.splat (f64.const 0x1.62e42feep-1)))
    (local.set $LN2LO (f64x2.splat (f64.const 0x1.a39ef35793c76p-33)))
    (local.set $P1 (f64x2.splat (f64.const 0x1.555555555553ep-3)))
    (local.set $P2 (f64x2.splat (f64.const -0x1.6c16c16bebd93p-9)))
    (local.set $P3 (f64x2.splat (f64.const 0x1.1566aaf25de2cp-14)))
    (local.set $P4 (f64x2.splat (f64.const -0x1.bbd41c5d26bf1p-20)))
    (local.set $P5 (f64x2.splat (f64.const 0x1.6376972bea4d0p-25)))
    (local.set $ONE (f64x2.splat (f64.const 1)))
    (local.set $TWO (f64x2.splat (f64.const 2)))
    (local.set $BIAS (v128.const i64x2 1023 1023))
    ;; |x| ≥ 704 (and ±∞, NaN): the host's exp. |x| ≤ ln2/2 (high word ≤ 0x3FD62E42): k = 0.
    ;; |x| < 2^-28: 1 + x. fdlibm compares high words; these are the same tests on all 64 bits.
    (local.set $FAR (v128.const i64x2 0x4086000000000000 0x4086000000000000))
    (local.set $NEAR (v128.const i64x2 0x3fd62e4300000000 0x3fd62e4300000000))
    (local.set $TINY (v128.const i64x2 0x3e30000000000000 0x3e30000000000000))
    (local.set $E (f64x2.splat (f64.const 0x1.5bf0a8b145769p+1)))
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (local.set $z (v128.load (local.get $from)))
        (local.set $x (select (v128.or (v128.and (local.get $z) (local.get $ABS)) (local.get $SIGN)) (local.get $z) (local.get $mode)))
        (local.set $abs (v128.and (local.get $x) (local.get $ABS)))
        (if (v128.any_true (i64x2.ge_s (local.get $abs) (local.get $FAR)))
          (then
            (local.set $y
              (f64x2.replace_lane 1
                (f64x2.splat (call $hostExp (f64x2.extract_lane 0 (local.get $x))))
                (call $hostExp (f64x2.extract_lane 1 (local.get $x))))))
          (else
            ;; k = (int)(x/ln2 ± 1/2), or 0 near zero.
            (local.set $k
              (v128.andnot
                (f64x2.trunc
                  (f64x2.add (f64x2.mul (local.get $x) (local.get $INVLN2)) (v128.or (local.get $HALF) (v128.and (local.get $x) (local.get $SIGN)))))
                (i64x2.lt_s (local.get $abs) (local.get $NEAR))))
            ;; hi = x − k·ln2hi (exact), lo = k·ln2lo, r = hi − lo.
            (local.set $hi (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (local.get $LN2HI))))
            (local.set $lo (f64x2.mul (local.get $k) (local.get $LN2LO)))
            (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
            (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
            ;; c = r − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5))))
            (local.set $c
              (f64x2.sub (local.get $r)
                (f64x2.mul (local.get $t)
                  (f64x2.add (local.get $P1)
                    (f64x2.mul (local.get $t)
                      (f64x2.add (local.get $P2)
                        (f64x2.mul (local.get $t)
                          (f64x2.add (local.get $P3)
                            (f64x2.mul (local.get $t) (f64x2.add (local.get $P4) (f64x2.mul (local.get $t) (local.get $P5))))))))))))
            ;; y = (1 − ((lo − r·c/(2 − c)) − hi))·2^k, 2^k built in the exponent field.
            (local.set $y
              (f64x2.mul
                (f64x2.sub (local.get $ONE)
                  (f64x2.sub
                    (f64x2.sub (local.get $lo) (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (local.get $TWO) (local.get $c))))
                    (local.get $hi)))
                (i64x2.shl (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))) (local.get $BIAS)) (i32.const 52))))
            ;; The two answers fdlibm gives before reducing: 1 + x for tiny |x|, and e for x = 1.
            (local.set $y
              (v128.bitselect (f64x2.add (local.get $ONE) (local.get $x)) (local.get $y) (i64x2.lt_s (local.get $abs) (local.get $TINY))))
            (local.set $y (v128.bitselect (local.get $E) (local.get $y) (f64x2.eq (local.get $x) (local.get $ONE))))))
        ;; σ: one division, its numerator chosen first (1 where z ≥ 0, e elsewhere).
        (if (i32.eq (local.get $mode) (i32.const 2))
          (then
            (local.set $y
              (f64x2.div
                (v128.bitselect (local.get $ONE) (local.get $y) (f64x2.ge (local.get $z) (v128.const i64x2 0 0)))
                (f64x2.add (local.get $ONE) (local.get $y))))))
        (v128.store (local.get $out) (local.get $y))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pairs))))

  (func (export "exp") (param $x i32) (param $out i32) (param $n i32)
    (call $map (local.get $x) (local.get $out) (local.get $n) (i32.const 0)))

  (func (export "expNegAbs") (param $z i32) (param $out i32) (param $n i32)
    (call $map (local.get $z) (local.get $out) (local.get $n) (i32.const 1)))

  (func (export "sigmoid") (param $z i32) (param $a i32) (param $n i32)
    (call $map (local.get $z) (local.get $a) (local.get $n) (i32.const 2))))
