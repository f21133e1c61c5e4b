/** o200k_base ranks in jointok's compact binary vocabulary form, as byte text. */
declare const data: string;
export default data;
