/** A command a person can paste to reach a database-like service from their own machine. */
export function connectionLine(image: string, tcp: string): string {
  const [host, port] = tcp.split(':') as [string, string];
  const name = image.split('/').pop()?.split(':')[0] ?? '';
  if (name.startsWith('postgres')) return `psql -h ${host} -p ${port} -U postgres`;
  if (name.startsWith('redis') || name.startsWith('valkey')) return `redis-cli -h ${host} -p ${port}`;
  if (name.startsWith('mysql') || name.startsWith('mariadb')) return `mysql -h ${host} -P ${port} -u root -p`;
  if (name.startsWith('mongo')) return `mongosh mongodb://${tcp}`;
  return tcp;
}
