import * as grpc from '@grpc/grpc-js';
import path from 'node:path';
import protobuf from 'protobufjs';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionHeaders, secretsHandler } from '../../../../electron/core/environments/build-session';
import {
  decodeBuildkitStatus,
  GET_SECRET_METHOD,
  SECRETS_PROTO,
  secretsServiceDefinition,
  STATUS_PROTO,
} from '../../../../electron/core/environments/buildkit-protocol';
import { supportsBuildkit } from '../../../../electron/core/environments/buildkit-support';

const folder = path.resolve(import.meta.dirname, '../../../../electron/core/environments');

describe("BuildKit's protocol", () => {
  let server: grpc.Server | undefined;
  afterEach(() => server?.forceShutdown());

  it('keeps the inlined definitions the same as the .proto files', () => {
    expect(SECRETS_PROTO).toEqual(protobuf.loadSync(path.join(folder, 'buildkit-secrets.proto')).toJSON());
    expect(STATUS_PROTO).toEqual(protobuf.loadSync(path.join(folder, 'buildkit-status.proto')).toJSON());
  });

  it('serves GetSecret with the value, and NOT_FOUND for an id it was not given', async () => {
    server = new grpc.Server();
    server.addService(secretsServiceDefinition(), secretsHandler(new Map([['INDEX_TOKEN', 'tök3n']])));
    const port = await new Promise<number>((resolve, reject) =>
      server!.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
    );
    const root = protobuf.Root.fromJSON(SECRETS_PROTO);
    const request = root.lookupType('moby.buildkit.secrets.v1.GetSecretRequest');
    const response = root.lookupType('moby.buildkit.secrets.v1.GetSecretResponse');
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const ask = (ID: string) =>
      new Promise<Buffer>((resolve, reject) =>
        client.makeUnaryRequest(
          GET_SECRET_METHOD,
          (value: object) => Buffer.from(request.encode(request.fromObject(value)).finish()),
          (bytes: Buffer) => Buffer.from((response.decode(bytes) as unknown as { data: Uint8Array }).data),
          { ID, annotations: {} },
          (error, value) => (error ? reject(error) : resolve(value!)),
        ),
      );
    expect((await ask('INDEX_TOKEN')).toString('utf8')).toBe('tök3n');
    await expect(ask('OTHER')).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    client.close();
  });

  it('announces the secrets method when it opens a session', () => {
    expect(sessionHeaders('abc')).toMatchObject({ Upgrade: 'h2c', 'X-Docker-Expose-Session-Uuid': 'abc', 'X-Docker-Expose-Session-Grpc-Method': [GET_SECRET_METHOD] });
  });

  it("decodes a StatusResponse's steps and logs", () => {
    const type = protobuf.Root.fromJSON(STATUS_PROTO).lookupType('moby.buildkit.v1.StatusResponse');
    const aux = Buffer.from(
      type.encode(type.fromObject({ vertexes: [{ digest: 'sha256:1', name: '[1/5] FROM x', started: { seconds: 1 } }], logs: [{ vertex: 'sha256:1', stream: 2, msg: Buffer.from('hi\n') }] })).finish(),
    ).toString('base64');
    const status = decodeBuildkitStatus(aux);
    expect(status.vertexes).toEqual([{ digest: 'sha256:1', name: '[1/5] FROM x', cached: false, started: true, completed: false, error: '' }]);
    expect(status.logs.map((l) => [l.vertex, l.stream, l.msg.toString()])).toEqual([['sha256:1', 2, 'hi\n']]);
  });

  it('tells which engines build with BuildKit', () => {
    expect(supportsBuildkit({ Version: '20.10.24+dfsg1', ApiVersion: '1.41', Os: 'linux' })).toBe(true);
    expect(supportsBuildkit({ Version: '18.09.0', ApiVersion: '1.39' })).toBe(true);
    expect(supportsBuildkit({ Version: '18.06.1-ce', ApiVersion: '1.38' })).toBe(false);
    expect(supportsBuildkit({ Version: '19.03.0', ApiVersion: '1.38' })).toBe(false);
    expect(supportsBuildkit({ Version: '20.10.0', ApiVersion: '1.41', Os: 'windows' })).toBe(false);
  });
});
