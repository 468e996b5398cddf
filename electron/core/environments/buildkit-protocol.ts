import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

/**
 * buildkit-secrets.proto and buildkit-status.proto as protobufjs JSON, so that the bundle needs no
 * .proto file at run time (a unit test keeps the two the same).
 */
export const SECRETS_PROTO: protobuf.INamespace = {
  nested: { moby: { nested: { buildkit: { nested: { secrets: { nested: { v1: { nested: {
    Secrets: { methods: { GetSecret: { requestType: 'GetSecretRequest', responseType: 'GetSecretResponse' } } },
    GetSecretRequest: { fields: { ID: { type: 'string', id: 1 }, annotations: { keyType: 'string', type: 'string', id: 2 } } },
    GetSecretResponse: { fields: { data: { type: 'bytes', id: 1 } } },
  } } } } } } } } },
} as protobuf.INamespace;

export const STATUS_PROTO: protobuf.INamespace = {
  nested: { moby: { nested: { buildkit: { nested: { v1: { nested: {
    StatusResponse: { fields: { vertexes: { rule: 'repeated', type: 'Vertex', id: 1 }, logs: { rule: 'repeated', type: 'VertexLog', id: 3 } } },
    Vertex: {
      fields: {
        digest: { type: 'string', id: 1 },
        name: { type: 'string', id: 3 },
        cached: { type: 'bool', id: 4 },
        started: { type: 'Timestamp', id: 5 },
        completed: { type: 'Timestamp', id: 6 },
        error: { type: 'string', id: 7 },
      },
    },
    VertexLog: { fields: { vertex: { type: 'string', id: 1 }, stream: { type: 'int64', id: 3 }, msg: { type: 'bytes', id: 4 } } },
    Timestamp: { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } },
  } } } } } } },
} as protobuf.INamespace;

/** The method the engine calls for a secret mount, as a session announces it. */
export const GET_SECRET_METHOD = '/moby.buildkit.secrets.v1.Secrets/GetSecret';

export interface GetSecretRequest {
  ID: string;
  annotations?: Record<string, string>;
}

let secretsService: grpc.ServiceDefinition | undefined;

/** The Secrets service's definition, for a grpc-js server. */
export function secretsServiceDefinition(): grpc.ServiceDefinition {
  if (!secretsService) {
    const loaded = grpc.loadPackageDefinition(protoLoader.fromJSON(SECRETS_PROTO)) as unknown as {
      moby: { buildkit: { secrets: { v1: { Secrets: grpc.ServiceClientConstructor } } } };
    };
    secretsService = loaded.moby.buildkit.secrets.v1.Secrets.service;
  }
  return secretsService;
}

export interface BuildkitVertex {
  digest: string;
  name: string;
  cached: boolean;
  started: boolean;
  completed: boolean;
  error: string;
}

export interface BuildkitLog {
  vertex: string;
  /** 1 for stdout, 2 for stderr. */
  stream: number;
  msg: Buffer;
}

export interface BuildkitStatus {
  vertexes: BuildkitVertex[];
  logs: BuildkitLog[];
}

let statusType: protobuf.Type | undefined;

/** One `moby.buildkit.trace` message of a build's stream (its `aux`, base64 of a StatusResponse). */
export function decodeBuildkitStatus(aux: string): BuildkitStatus {
  statusType ??= protobuf.Root.fromJSON(STATUS_PROTO).lookupType('moby.buildkit.v1.StatusResponse');
  const decoded = statusType.toObject(statusType.decode(Buffer.from(aux, 'base64')), { longs: Number, defaults: true }) as {
    vertexes: Array<Omit<BuildkitVertex, 'started' | 'completed'> & { started?: object | null; completed?: object | null }>;
    logs: Array<{ vertex: string; stream: number; msg: Uint8Array }>;
  };
  return {
    vertexes: decoded.vertexes.map((v) => ({ ...v, started: Boolean(v.started), completed: Boolean(v.completed) })),
    logs: decoded.logs.map((l) => ({ vertex: l.vertex, stream: l.stream, msg: Buffer.from(l.msg) })),
  };
}
