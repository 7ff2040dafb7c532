import 'reflect-metadata';
import { declaredOperations, openApiDocument, OpenApiDocument } from '@otr/runtime';
import { gatewayDocument, gatewayService } from '@otr/gateway';
import { SERVICES } from './platform';

/**
 * The whole platform's OpenAPI document as the gateway serves it at /api/docs.json, built from the
 * services' controllers without starting them — committed as libs/contracts/openapi.json.
 */
export async function platformDocument(): Promise<OpenApiDocument> {
  const services: Record<string, OpenApiDocument> = {};
  for (const def of SERVICES)
    services[def.name] = openApiDocument(`OTR ${def.name}`, await declaredOperations(def));
  return gatewayDocument(openApiDocument('OTR gateway', await declaredOperations(gatewayService)), services);
}
