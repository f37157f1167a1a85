import { createDecipheriv } from 'node:crypto';

/** The encrypted part of a notification (`resource`), as WeChat Pay sends it. */
export type EncryptedResource = { algorithm: string; ciphertext: string; nonce: string; associated_data?: string };

const TAG_BYTES = 16;

/**
 * The plaintext of a notification's resource: AEAD_AES_256_GCM with the APIv3 key, `nonce` (12
 * characters) as the IV, `associated_data` as the AAD, and the base64 `ciphertext` ending in the
 * 16-byte tag. Throws when the algorithm is another or the tag does not check out.
 */
export function decryptResource(apiV3Key: Buffer, resource: EncryptedResource): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
