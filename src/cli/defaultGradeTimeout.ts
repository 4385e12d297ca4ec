/** The default limit of one call while grading, ms: read by grade, gradescope and autograde alike. */
export const defaultGradeTimeoutMs = 3000;
