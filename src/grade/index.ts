export { defaultRubric } from "./defaultRubric.ts";
export { gradeClass, type ClassOptions, type ClassRun, type StudentDone } from "./gradeClass.ts";
export { gradeImplementation, gradeSubmission, notGraded, type GradeOptions } from "./gradeSubmission.ts";
export {
  maxPointsOf,
  testKindInfo,
  testKinds,
  type AssignmentSpec,
  type NetworkSpec,
  type RangeSpec,
  type Rubric,
  type RubricTest,
  type TestKind,
  type Visibility,
} from "./Rubric.ts";
export { readRubric, rubricSchema, validateRubric, type RubricCheck } from "./validateRubric.ts";
export { submissionStatuses, type ItemResult, type SubmissionResult, type SubmissionStatus } from "./SubmissionResult.ts";
export { gradescopeResults, type GradescopeResults, type GradescopeTest } from "./gradescopeResults.ts";
export { buildAutograder } from "./buildAutograder.ts";
