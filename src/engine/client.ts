import { Camunda8 } from '@camunda8/sdk';

export interface EngineAddresses {
  restAddress: string;
  grpcAddress: string;
}

/**
 * The SDK client. For the local engine we pass its addresses with no auth; for an external cluster (SaaS or
 * self-managed) the SDK reads its standard environment variables (ZEEBE_REST_ADDRESS, ZEEBE_GRPC_ADDRESS,
 * CAMUNDA_AUTH_STRATEGY, ZEEBE_CLIENT_ID …) itself.
 */
export function createEngineClient(local?: EngineAddresses): Camunda8 {
  if (!local) return new Camunda8();
  return new Camunda8({
    ZEEBE_REST_ADDRESS: local.restAddress,
    ZEEBE_GRPC_ADDRESS: local.grpcAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'ERROR' },
  });
}
