import type { IHookFunctions } from 'n8n-workflow';

const registered = async function (this: IHookFunctions): Promise<boolean> {
	return true;
};

/**
 * Webhook methods of a trigger whose URL the caller is given by hand (an ERP, a provider's dashboard,
 * or per message by the Channel Sender): there is nothing to register, check or remove anywhere.
 */
export const urlGivenByHand = {
	default: { checkExists: registered, create: registered, delete: registered },
};
