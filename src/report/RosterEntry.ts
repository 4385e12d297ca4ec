/** One student of the course's roster: the id is the name of their folder (or zip) in the class folder. */
export interface RosterEntry {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  /** the student information system's id (Canvas's "SIS User ID") */
  readonly sisId?: string;
  /** Canvas's own numeric user id ("ID" in its gradebook export) */
  readonly canvasId?: string;
  /** Canvas's "SIS Login ID" */
  readonly sisLoginId?: string;
  readonly section?: string;
}
