import { openApiDocument } from '../../src/web/openapi';

describe('OpenAPI document', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters: unknown; requestBody: unknown }>>;
  };

  it('is OpenAPI 3.1 and lists the inbox with its filter parameters from the zod schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    const names = (doc.paths['/api/tasks']?.get?.parameters as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['group', 'assigned', 'overdue', 'q', 'sort', 'page', 'pageSize']),
    );
  });

  it('describes the task completion bodies with the validation rules people get as 400s', () => {
    const schema = JSON.stringify(doc.paths['/api/tasks/{key}/complete']?.post?.requestBody);
    expect(schema).toContain('"pesel"');
    expect(schema).toContain('"approve"');
  });
});
