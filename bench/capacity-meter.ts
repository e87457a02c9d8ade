/**
 * Capacity units of every DynamoDB call a client makes, added up per operation under a label (a step of a
 * flow): reads and single-item writes as DynamoDB Local reports them (ReturnConsumedCapacity), transactional
 * writes computed from their items' sizes by AWS's rules, because DynamoDB Local under-reports them.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const METERED_OPERATIONS = new Set([
  ...READ_OPERATIONS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Calls and capacity units of one DynamoDB operation under one label. */
export interface OperationUse {
  label: string;
  operation: string;
  calls: number;
  readUnits: number;
  /** As reported, except for transactions: computed from their items (see transactionWriteUnits). */
  writeUnits: number;
  /** What DynamoDB Local reported as written, for comparison. */
  reportedWriteUnits: number;
}

/** An attribute value's billed size, by DynamoDB's published rules ("Item sizes and formats"). */
function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') {
    // 1 byte per two significant digits, plus 1.
    const digits = String(Math.abs(value))
      .replace(/e.*$|\./g, '')
      .replace(/^0+|0+$/g, '');
    return Math.ceil(digits.length / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueBytes(element), 0);
  // Lists and maps: 3 bytes, plus 1 byte per element and, for a map, its keys.
  if (Array.isArray(value)) return value.reduce((sum: number, element) => sum + valueBytes(element) + 1, 3);
  return Object.entries(value as object).reduce(
    (sum, [name, element]) => sum + Buffer.byteLength(name) + valueBytes(element) + 1,
    3,
  );
}

export const itemBytes = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0);

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

function keyOf(item: TransactItem): { TableName: string; Key: Record<string, unknown> } {
  if (item.Put) {
    const { TableName = '', Item = {} } = item.Put;
    return { TableName, Key: { PK: Item.PK, SK: Item.SK } };
  }
  const change = item.Update ?? item.Delete ?? item.ConditionCheck;
  return { TableName: change?.TableName ?? '', Key: change?.Key ?? {} };
}

/**
 * DynamoDB Local reports a transaction as if its items were one (it rounds the sum of their sizes up to a
 * KB), while AWS bills each item: 2 write units per started KB of the larger of the item before and after.
 * So the items are read (consistently, by another client) before and after the write, and priced each.
 */
async function transactionWriteUnits(
  sizer: DynamoDBDocumentClient,
  items: TransactItem[],
  write: () => Promise<void>,
): Promise<number> {
  const sizes = () =>
    Promise.all(
      items.map(async (item) => {
        const { Item } = await sizer.send(new GetCommand({ ...keyOf(item), ConsistentRead: true }));
        return Item ? itemBytes(Item) : 0;
      }),
    );
  const before = await sizes();
  await write();
  const after = await sizes();
  return before.reduce(
    (sum, size, index) => sum + 2 * Math.max(1, Math.ceil(Math.max(size, after[index] ?? 0) / 1024)),
    0,
  );
}

/**
 * Meters `db` from now on: every call made while `label` is set is asked for its consumed capacity and
 * counted under that label; calls while it is null (setting up) are not. `sizer`, a second client to the
 * same DynamoDB, reads the items of transactions. Calls must not overlap for the labels to be right.
 */
export function meterCapacity(db: DynamoDBDocumentClient, sizer: DynamoDBDocumentClient) {
  const uses = new Map<string, OperationUse>();
  const meter = { label: null as string | null, uses: () => [...uses.values()] };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName).replace(/Command$/, '');
      const label = meter.label;
      if (!label || !METERED_OPERATIONS.has(operation)) return next(args);
      const input = args.input as Record<string, unknown>;
      const send = () => next({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } });
      let result: Awaited<ReturnType<typeof send>> | undefined;
      const computedWriteUnits =
        operation === 'TransactWriteItems'
          ? await transactionWriteUnits(sizer, input.TransactItems as TransactItem[], async () => {
              result = await send();
            })
          : null;
      result ??= await send();
      const reported = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const consumed = Array.isArray(reported) ? reported : reported ? [reported] : [];
      const use = uses.get(`${label} ${operation}`) ?? {
        label,
        operation,
        calls: 0,
        readUnits: 0,
        writeUnits: 0,
        reportedWriteUnits: 0,
      };
      let reportedWriteUnits = 0;
      for (const { CapacityUnits = 0, ReadCapacityUnits, WriteCapacityUnits } of consumed) {
        if (ReadCapacityUnits !== undefined || WriteCapacityUnits !== undefined) {
          use.readUnits += ReadCapacityUnits ?? 0;
          reportedWriteUnits += WriteCapacityUnits ?? 0;
        } else if (READ_OPERATIONS.has(operation)) use.readUnits += CapacityUnits;
        else reportedWriteUnits += CapacityUnits;
      }
      use.calls += 1;
      use.reportedWriteUnits += reportedWriteUnits;
      use.writeUnits += computedWriteUnits ?? reportedWriteUnits;
      uses.set(`${label} ${operation}`, use);
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return meter;
}
