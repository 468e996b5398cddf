export * from './schemas';
export * from './requests';
export * from './events';
export * from './envelope';
export * from './wire';
export * from './bridge-client';
export * from './ws-client-transport';
