export { defaultRubric } from "./defaultRubric.ts";
export { gradeClass, type ClassOptions, type ClassRun, type StudentDone } from "./gradeClass.ts";
export { gradeImplementation, gradeSubmission, notGraded, type GradeOptions } from "./gradeSubmission.ts";
export {
  maxPointsOf,
  testKindInfo,
  testKinds,
  type Assignment,
  type NetworkSpec,
  type Range,
  type Rubric,
  type RubricTest,
  type TestKind,
  type Visibility,
} from "./Rubric.ts";
export { readRubric, rubricSchema, validateRubric, type RubricCheck } from "./validateRubric.ts";
export {
  statusInfo,
  submissionStatuses,
  type ItemResult,
  type SubmissionResult,
  type SubmissionStatus,
} from "../report/SubmissionResult.ts";
export { gradescopeResults, type GradescopeResults, type GradescopeTest } from "../report/gradescopeResults.ts";
export { buildAutograder } from "./buildAutograder.ts";
