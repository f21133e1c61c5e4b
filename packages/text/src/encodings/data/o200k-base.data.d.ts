/** o200k_base ranks in jointok's compact binary vocabulary form, base64-encoded. */
declare const data: string;
export default data;
