/** An open review step past its deadline (超期), keyed so each is reported once. */
export interface OverdueStep {
  key: string;
  step: 'decision' | 'opinion';
  department: string;
  dueBy: string;
}

/**
 * The steps of a submitted application that are overdue today: each asked department's opinion
 * after its due day, and the decision after the decision deadline (working days from submission).
 * A deadline is met until its day ends, so a step is overdue only from the next day.
 */
export function overdueSteps(
  app: {
    competentDepartment: string;
    opinions: Record<string, { dueBy: string; agrees?: boolean }>;
    overdueReported: string[];
  },
  decisionDueBy: string,
  today: string,
): OverdueStep[] {
  const steps: OverdueStep[] = Object.entries(app.opinions)
    .filter(([, o]) => o.agrees === undefined && today > o.dueBy)
    .map(([department, o]) => ({
      key: `opinion:${department}`,
      step: 'opinion',
      department,
      dueBy: o.dueBy,
    }));
  if (today > decisionDueBy) {
    steps.push({
      key: 'decision',
      step: 'decision',
      department: app.competentDepartment,
      dueBy: decisionDueBy,
    });
  }
  return steps.filter((s) => !app.overdueReported.includes(s.key));
}
