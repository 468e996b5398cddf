import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type Docker from 'dockerode';
import { GET_SECRET_METHOD, secretsServiceDefinition, type GetSecretRequest } from './buildkit-protocol';

/** The headers that open a session: its id, and the methods it serves (the engine asks for no other). */
export function sessionHeaders(id: string): Record<string, string | string[]> {
  return {
    Upgrade: 'h2c',
    'X-Docker-Expose-Session-Uuid': id,
    'X-Docker-Expose-Session-Name': 'orchest-desktop',
    'X-Docker-Expose-Session-Grpc-Method': [GET_SECRET_METHOD],
  };
}

/** Answers a GetSecret call from the secrets it was given; an unknown id is NOT_FOUND, as BuildKit expects. */
export function secretsHandler(secrets: ReadonlyMap<string, string>): grpc.UntypedServiceImplementation {
  return {
    GetSecret(call: grpc.ServerUnaryCall<GetSecretRequest, unknown>, callback: grpc.sendUnaryData<{ data: Buffer }>) {
      const value = secrets.get(call.request.ID);
      if (value === undefined) callback({ code: grpc.status.NOT_FOUND, details: `no secret ${call.request.ID}` });
      else callback(null, { data: Buffer.from(value, 'utf8') });
    },
  };
}

/**
 * A BuildKit session on the engine (POST /session, upgraded to HTTP/2) that serves a build its
 * secrets, so that they reach the set-up script's RUN as mounts and never the image. dockerode's
 * own session (version '2') only serves registry credentials.
 */
export class BuildSession {
  private constructor(
    readonly id: string,
    private readonly server: grpc.Server,
    private readonly socket: Socket,
  ) {}

  static open(docker: Docker, secrets: ReadonlyMap<string, string>): Promise<BuildSession> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      docker.modem.dial(
        { method: 'POST', path: '/session', hijack: true, headers: sessionHeaders(id), statusCodes: { 101: true, 200: true, 500: 'server error' } },
        (error, result) => {
          if (error) return reject(error);
          const socket = result as Socket;
          const server = new grpc.Server();
          server.addService(secretsServiceDefinition(), secretsHandler(secrets));
          server.createConnectionInjector(grpc.ServerCredentials.createInsecure()).injectConnection(socket);
          resolve(new BuildSession(id, server, socket));
        },
      );
    });
  }

  dispose(): void {
    this.server.forceShutdown();
    this.socket.end();
  }
}
