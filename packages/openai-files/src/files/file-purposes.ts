/** The purposes `POST /files` takes (CreateFileRequest.purpose); no zod here, the main entry exports them. */
export const FILE_UPLOAD_PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'] as const;
