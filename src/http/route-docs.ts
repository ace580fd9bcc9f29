// Route schemas carry their documentation (summary, description, tags) for the OpenAPI document built from them.
declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: readonly string[];
  }
}

export {};
