import {
  instanceVerdict,
  instructionsFromMapping,
  translateMigrationFailure,
} from '../../src/domain/migration-check';

describe('migration dry run per instance', () => {
  const instructions = [{ sourceActivityIds: ['check'], targetActivityIds: ['check'] }];

  it('lets an instance move when every activity it stands in is mapped', () => {
    expect(instanceVerdict({ processInstanceId: 'p1', activityIds: ['check'] }, instructions, [])).toEqual({
      processInstanceId: 'p1',
      activityIds: ['check'],
      canMove: true,
      reasons: [],
    });
  });

  it('names the unmapped step, a refused instruction and a failure of the whole plan', () => {
    const names = (id: string) => ({ review: 'Przejrzyj wniosek', check: 'Sprawdź wniosek' })[id] ?? id;
    expect(
      instanceVerdict({ processInstanceId: 'p2', activityIds: ['review'] }, instructions, [], names).reasons,
    ).toEqual([
      'Stoi w kroku „Przejrzyj wniosek” (review), dla którego mapowanie nie wskazuje kroku w nowej wersji.',
    ]);
    expect(
      instanceVerdict(
        { processInstanceId: 'p3', activityIds: ['check'] },
        instructions,
        [{ sourceActivityId: 'check', message: 'kroki są różnego rodzaju' }, { message: 'Zmienna x: nie' }],
        names,
      ).reasons,
    ).toEqual(['Zmienna x: nie', 'Krok „Sprawdź wniosek” (check): kroki są różnego rodzaju']);
    expect(instanceVerdict({ processInstanceId: 'p4', activityIds: [] }, instructions, []).reasons).toEqual([
      'Instancja już się zakończyła.',
    ]);
  });

  it('translates the engine’s known failures and marks the unknown ones as the engine’s words', () => {
    expect(
      translateMigrationFailure(
        'Activities have incompatible types (UserTaskActivityBehavior is not compatible with ExternalTaskActivityBehavior)',
      ),
    ).toBe(
      'kroki są różnego rodzaju (UserTaskActivityBehavior i ExternalTaskActivityBehavior) — silnik nie przenosi między nimi (silnik: Activities have incompatible types (UserTaskActivityBehavior is not compatible with ExternalTaskActivityBehavior))',
    );
    expect(translateMigrationFailure('Something new')).toBe('Silnik: Something new');
  });

  it('turns the edited table into instructions, keeping the engine’s event flag for an unchanged pair', () => {
    expect(
      instructionsFromMapping({ wait: 'wait', check: 'check', review: '' }, [
        { sourceActivityIds: ['wait'], targetActivityIds: ['wait'], updateEventTrigger: true },
      ]),
    ).toEqual([
      { sourceActivityIds: ['check'], targetActivityIds: ['check'], updateEventTrigger: false },
      { sourceActivityIds: ['wait'], targetActivityIds: ['wait'], updateEventTrigger: true },
    ]);
  });
});
