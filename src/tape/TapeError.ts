/** Every error the tape raises: a shape that does not fit, a bad backward, a NaN or ∞. */
export class TapeError extends Error {
  override readonly name = "TapeError";
}
