/** Shapes shared by the model tools (child process) and the app. */
export interface DiffElement {
  id: string;
  type: string;
  name: string | null;
}

export interface BpmnDiff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: (DiffElement & { attrs: { name: string; before: string; after: string }[] })[];
  /** Ids of elements only moved or resized on the diagram. */
  layoutChanged: string[];
}

/** One finding of a draft's checks, where it is (the file and the element) and which check said it. */
export interface DraftFinding {
  source: 'lint' | 'guard-rails';
  rule: string;
  severity: 'error' | 'warning';
  resource: string;
  element?: string;
  message: string;
}
