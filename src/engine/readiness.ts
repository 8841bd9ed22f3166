/** Readiness of an engine: the actuator says UP and the REST gateway answers /v2/topology with a healthy leader. */
export interface EngineProbe {
  managementUrl: string;
  restUrl: string;
}

export interface EngineHealth {
  ready: boolean;
  version?: string;
  detail: string;
}

export async function probeEngine(probe: EngineProbe, timeoutMs = 2000): Promise<EngineHealth> {
  try {
    const readiness = await fetch(`${probe.managementUrl}/actuator/health/readiness`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!readiness.ok) return { ready: false, detail: `readiness HTTP ${readiness.status}` };
    const topology = await fetch(`${probe.restUrl}/v2/topology`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!topology.ok) return { ready: false, detail: `topology HTTP ${topology.status}` };
    return summarizeTopology((await topology.json()) as Topology);
  } catch (error) {
    return { ready: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export interface Topology {
  brokers?: { partitions?: { role?: string; health?: string }[]; version?: string }[];
  gatewayVersion?: string;
  partitionsCount?: number;
}

/** Ready when every partition has a healthy leader. */
export function summarizeTopology(topology: Topology): EngineHealth {
  const partitions = (topology.brokers ?? []).flatMap((broker) => broker.partitions ?? []);
  const leaders = partitions.filter((p) => p.role === 'leader' && p.health === 'healthy').length;
  const expected = topology.partitionsCount ?? 1;
  const ready = leaders >= expected;
  return {
    ready,
    version: topology.gatewayVersion,
    detail: ready
      ? `${leaders}/${expected} partycji z liderem`
      : `czekam na liderów partycji (${leaders}/${expected})`,
  };
}
