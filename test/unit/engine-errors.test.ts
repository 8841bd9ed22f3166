import {
  EngineError,
  engineError,
  engineErrorFromNetwork,
  engineErrorFromResponse,
} from '../../src/engine/engine-errors';
import { AppError } from '../../src/errors/app-error';

/** Answers measured on the Camunda 7.24 host (status, body) and what callers must be able to tell from them. */
const answer = (status: number, type: string, message: string) =>
  engineErrorFromResponse('POST /x', status, JSON.stringify({ type, message, code: null }));

describe('engine error classification', () => {
  it('tells a message nothing waits for from one several executions wait for', () => {
    const none = answer(
      400,
      'RestException',
      "org.camunda.bpm.engine.MismatchingMessageCorrelationException: Cannot correlate message 'decision-delivered': No process definition or execution matches the parameters",
    );
    expect(none).toMatchObject({ code: 'message-not-correlated', status: 400, type: 'RestException' });
    expect(
      answer(
        400,
        'RestException',
        "Cannot correlate a message with name 'x' to a single execution. 2 executions match the correlation keys",
      ).code,
    ).toBe('message-ambiguous');
  });

  it('sees a task someone else holds, and a task that is gone even when the engine answers 500', () => {
    expect(
      answer(500, 'TaskAlreadyClaimedException', "Task 't1' is already claimed by someone else.").code,
    ).toBe('already-claimed');
    expect(
      answer(500, 'RestException', 'Cannot complete task t1: Cannot find task with id t1: task is null').code,
    ).toBe('not-found');
    expect(answer(500, 'NullValueException', 'Cannot find task with id t1: task is null').code).toBe(
      'not-found',
    );
    expect(answer(404, 'InvalidRequestException', 'No matching task with id t1').code).toBe('not-found');
    expect(answer(500, 'InvalidRequestException', "ENGINE-13053 No job found with id 'j1'.'").code).toBe(
      'not-found',
    );
  });

  it('sees a lost external-task lock', () => {
    expect(
      answer(
        400,
        'RestException',
        "External Task e1 cannot be completed by worker 'w2'. It is locked by worker 'w1'.",
      ).code,
    ).toBe('lock-lost');
  });

  it('keeps invalid requests, credentials, failures and outages apart', () => {
    expect(answer(400, 'InvalidRequestException', 'Unsupported value type Foo').code).toBe('invalid');
    expect(answer(401, 'Unauthorized', 'Wymagane uwierzytelnienie HTTP Basic').code).toBe('unauthorized');
    expect(answer(409, 'OptimisticLockingException', 'ENGINE-03005 …').code).toBe('conflict');
    expect(answer(500, 'ProcessEngineException', 'boom').code).toBe('engine-failure');
    expect(engineErrorFromResponse('GET /engine', 503, '<html>Service Unavailable</html>').code).toBe(
      'engine-unavailable',
    );
    const network = engineErrorFromNetwork('GET /engine', new TypeError('fetch failed'));
    expect(network).toMatchObject({ code: 'engine-unavailable', status: undefined });
  });
});

describe('what a person reads', () => {
  const what = 'Nie udało się przypisać zadania';

  it('a task someone else finished or took is a 409 with a Polish explanation', () => {
    const claimed = engineError(
      answer(500, 'TaskAlreadyClaimedException', 'already claimed by someone'),
      what,
    );
    expect(claimed).toBeInstanceOf(AppError);
    expect(claimed.status).toBe(409);
    expect(claimed.message).toBe(`${what}: zadanie przejęła już inna osoba. Odśwież listę.`);
    expect(claimed.details).toEqual({ engineCode: 'already-claimed' });
    const gone = engineError(answer(404, 'InvalidRequestException', 'No matching task'), what);
    expect(gone.status).toBe(409);
    expect(gone.message).toMatch(/zakończone, anulowane albo przejęte przez kogoś innego/);
  });

  it('an invalid request names the engine’s reason; an outage is a 503', () => {
    const invalid = engineError(answer(400, 'InvalidRequestException', 'Unsupported value type Foo'), what);
    expect([invalid.status, invalid.message]).toEqual([
      400,
      `${what}: silnik procesów odrzucił żądanie (Unsupported value type Foo).`,
    ]);
    const down = engineError(engineErrorFromNetwork('GET /task/{id}', new Error('ECONNREFUSED')), what);
    expect([down.status, down.message]).toEqual([
      503,
      `${what}: silnik procesów nie odpowiada. Spróbuj za chwilę.`,
    ]);
  });

  it('keeps the engine error as the cause', () => {
    const cause = answer(400, 'RestException', 'No process definition or execution matches the parameters');
    expect(engineError(cause, what).cause).toBe(cause);
    expect(cause).toBeInstanceOf(EngineError);
  });
});
