/**
 * The dry run of a migration (what the engine's `POST /migration/validate` does not say per instance): an instance
 * can move when every activity it stands in has an instruction, and no instruction it needs was refused by the
 * engine. Failures of the engine (English, technical) are translated to Polish where the wording is known.
 */
export interface Instruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  updateEventTrigger?: boolean;
}

export interface PlanFailure {
  /** The source activity of the refused instruction; undefined for a failure of the whole plan (variables). */
  sourceActivityId?: string;
  message: string;
}

export interface InstanceVerdict {
  processInstanceId: string;
  activityIds: string[];
  canMove: boolean;
  reasons: string[];
}

export function instanceVerdict(
  position: { processInstanceId: string; activityIds: string[] },
  instructions: Instruction[],
  failures: PlanFailure[],
  activityName: (id: string) => string = (id) => id,
): InstanceVerdict {
  const mapped = new Set(instructions.flatMap((i) => i.sourceActivityIds));
  const reasons: string[] = [];
  for (const failure of failures) if (failure.sourceActivityId === undefined) reasons.push(failure.message);
  for (const id of position.activityIds) {
    if (!mapped.has(id)) {
      reasons.push(
        `Stoi w kroku „${activityName(id)}” (${id}), dla którego mapowanie nie wskazuje kroku w nowej wersji.`,
      );
      continue;
    }
    for (const failure of failures)
      if (failure.sourceActivityId === id)
        reasons.push(`Krok „${activityName(id)}” (${id}): ${failure.message}`);
  }
  if (position.activityIds.length === 0) reasons.push('Instancja już się zakończyła.');
  return {
    processInstanceId: position.processInstanceId,
    activityIds: position.activityIds,
    canMove: reasons.length === 0,
    reasons,
  };
}

const TRANSLATIONS: [RegExp, (...groups: string[]) => string][] = [
  [
    /Activities have incompatible types \((\w+) is not compatible with (\w+)\)/i,
    (a, b) => `kroki są różnego rodzaju (${a} i ${b}) — silnik nie przenosi między nimi`,
  ],
  [/there are multiple mappings for source activity id/i, () => 'ten sam krok źródłowy zmapowano kilka razy'],
  [
    /there are multiple mappings for target activity id/i,
    () => 'na ten sam krok docelowy zmapowano kilka kroków (dozwolone tylko dla zdarzeń)',
  ],
  [
    /(?:source|the) activity ['"]?([^'"\s]+)['"]? does not exist|Source activity ['"]?([^'"\s]+)['"]? does not exist|source activity id ['"]?([^'"\s]+)['"]? does not exist/i,
    (...ids) => `krok źródłowy ${ids.find(Boolean) ?? ''} nie istnieje w starej wersji`,
  ],
  [
    /target activity ['"]?([^'"\s]+)['"]? does not exist|target activity id ['"]?([^'"\s]+)['"]? does not exist/i,
    (...ids) => `krok docelowy ${ids.find(Boolean) ?? ''} nie istnieje w nowej wersji`,
  ],
  [
    /is not an ancestor of|not a descendant|closest mapped ancestor/i,
    () => 'krok leżałby w innym podprocesie niż dotąd — zmapuj też podproces nadrzędny',
  ],
  [/Events are not of the same type|not of the same event type/i, () => 'zdarzenia są różnego typu'],
  [/updateEventTrigger/i, () => 'aktualizację wyzwalacza można włączyć tylko dla zdarzeń'],
  [/Cannot migrate variable|variable/i, () => 'zmienna procesu nie da się przenieść'],
  [
    /There is no migration instruction for this instance's activity|no migration instruction/i,
    () => 'instancja stoi w kroku bez mapowania',
  ],
];

/** The engine's failure in Polish where its wording is known, else the engine's own words, marked as such. */
export function translateMigrationFailure(failure: string): string {
  for (const [pattern, render] of TRANSLATIONS) {
    const match = pattern.exec(failure);
    if (match) return `${render(...match.slice(1).map((g) => g ?? ''))} (silnik: ${failure})`;
  }
  return `Silnik: ${failure}`;
}

/** The editable table: source activity → target activity ('' = not moved), kept with the engine's event flags. */
export function instructionsFromMapping(
  mapping: Record<string, string>,
  generated: Instruction[],
): Instruction[] {
  const triggers = new Map(
    generated.map((i) => [
      `${i.sourceActivityIds.join(',')}>${i.targetActivityIds.join(',')}`,
      i.updateEventTrigger,
    ]),
  );
  return Object.entries(mapping)
    .filter(([, target]) => target !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, target]) => ({
      sourceActivityIds: [source],
      targetActivityIds: [target],
      updateEventTrigger: triggers.get(`${source}>${target}`) ?? false,
    }));
}
