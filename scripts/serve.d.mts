export function startServer(
  port?: number,
  extraMounts?: Record<string, string>,
): Promise<{ origin: string; close(): Promise<void> }>;
