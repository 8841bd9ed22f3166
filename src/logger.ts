import winston from 'winston';
import type { Config } from './config';

export type Logger = winston.Logger;

/** JSON logs in production, readable lines in development; child loggers carry context (requestId, jobKey…). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV'>): Logger {
  const format = config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty');
  return winston.createLogger({
    level: config.LOG_LEVEL,
    defaultMeta: { service: 'mops-flow' },
    format:
      format === 'json'
        ? winston.format.combine(
            winston.format.timestamp(),
            winston.format.errors({ stack: true }),
            winston.format.json(),
          )
        : winston.format.combine(
            winston.format.timestamp({ format: 'HH:mm:ss' }),
            winston.format.errors({ stack: true }),
            winston.format.printf(({ timestamp, level, message, service: _service, stack, ...meta }) => {
              const context = Object.keys(meta).length > 0 ? ` ${JSON.stringify(meta)}` : '';
              return `${String(timestamp)} ${level.padEnd(5)} ${String(message)}${context}${stack ? `\n${String(stack)}` : ''}`;
            }),
          ),
    transports: [new winston.transports.Console()],
  });
}
