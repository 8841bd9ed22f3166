import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEngineHost, type RunningEngineHost } from '../../src/engine/engine-host';
import { engineHostOptions } from '../../src/engine/engine-host-options';
import { basicAuth } from '../../src/engine/host-probe';
import { createLogger } from '../../src/logger';
import { testConfig } from './test-config';

const TIMER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="it-host-timer-defs" targetNamespace="http://mops-flow/test">
  <bpmn:process id="it-host-timer" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

/** The engine host's own guarantees: HTTP Basic on every path, and the test clock only when switched on. */
describe('engine host', () => {
  const config = testConfig();
  const log = createLogger(config);
  let restUrl: string;
  let hostUrl: string;
  let authorization: string;

  beforeAll(async () => {
    const options = await engineHostOptions(config, log);
    restUrl = `http://127.0.0.1:${config.ENGINE_PORT}/engine-rest`;
    hostUrl = `http://127.0.0.1:${config.ENGINE_PORT}`;
    authorization = basicAuth(options.credentials.user, options.credentials.password);
  });

  it('refuses REST calls without credentials or with a wrong password, with a Basic challenge', async () => {
    const anonymous = await fetch(`${restUrl}/engine`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);

    const wrong = await fetch(`${restUrl}/process-definition`, {
      headers: { authorization: basicAuth(config.ENGINE_USER, 'zle-haslo-zle-haslo') },
    });
    expect(wrong.status).toBe(401);

    const info = await fetch(`${hostUrl}/mops/info`);
    expect(info.status).toBe(401);
  });

  it('answers with credentials', async () => {
    const engines = await fetch(`${restUrl}/engine`, { headers: { authorization } });
    expect(engines.status).toBe(200);
    expect(await engines.json()).toEqual([{ name: 'default' }]);
    const info = await fetch(`${hostUrl}/mops/info`, { headers: { authorization } });
    expect(await info.json()).toEqual({ host: 'mops-engine-host', engineVersion: '7.24.0', testClock: true });
  });

  it('fires a 14-day timer as soon as the test clock moves past it', async () => {
    const form = new FormData();
    form.append('deployment-name', 'it-host-timer');
    form.append('enable-duplicate-filtering', 'true');
    form.append('data', new Blob([TIMER_PROCESS], { type: 'application/xml' }), 'it-host-timer.bpmn');
    const deployed = await fetch(`${restUrl}/deployment/create`, {
      method: 'POST',
      headers: { authorization },
      body: form,
    });
    expect(deployed.status).toBe(200);
    const started = await call<{ id: string }>('POST', '/process-definition/key/it-host-timer/start', {});
    try {
      const at = new Date(Date.now() + 14 * 24 * 3600_000 + 60_000);
      const moved = await clock('PUT', { at: at.toISOString() });
      expect(Math.abs(new Date(moved.now).getTime() - at.getTime())).toBeLessThan(5_000);
      const deadline = Date.now() + 10_000;
      let state = '';
      while (Date.now() < deadline && state !== 'COMPLETED') {
        state = (await call<{ state: string }>('GET', `/history/process-instance/${started.id}`)).state;
        if (state !== 'COMPLETED') await sleep(100);
      }
      expect(state).toBe('COMPLETED');
    } finally {
      await clock('DELETE');
    }
  });

  it('has no test clock when the setting is off', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mops-host-noclock-'));
    const plain = testConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      ENGINE_PORT: String(config.ENGINE_PORT + 7),
      ENGINE_CLOCK_CONTROLLED: 'false',
    });
    let host: RunningEngineHost | undefined;
    try {
      host = await startEngineHost(await engineHostOptions(plain, log));
      expect(host.owned).toBe(true);
      const auth = basicAuth(host.credentials.user, host.credentials.password);
      const base = host.restUrl.replace(/\/engine-rest$/, '');
      expect((await fetch(`${base}/mops/clock`, { headers: { authorization: auth } })).status).toBe(404);
      const info = await fetch(`${base}/mops/info`, { headers: { authorization: auth } });
      expect(((await info.json()) as { testClock: boolean }).testClock).toBe(false);
    } finally {
      await host?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  async function call<T>(method: string, pathname: string, json?: unknown): Promise<T> {
    const response = await fetch(`${restUrl}${pathname}`, {
      method,
      headers: { authorization, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    if (!response.ok)
      throw new Error(`${method} ${pathname}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function clock(method: 'PUT' | 'DELETE', body?: unknown): Promise<{ now: string }> {
    const response = await fetch(`${hostUrl}/mops/clock`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { now: string };
  }
});
