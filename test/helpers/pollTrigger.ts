import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { PackageNodeTypes } from './nodeTypes';
import { testNode } from './testNode';

export interface PollTriggerOptions {
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/** The name the harness gives the trigger node; its static data lives under `node:<name>`. */
export const TRIGGER_NODE_NAME = 'Trigger under test';

/**
 * An activated polling trigger, as n8n's active-workflow manager drives it: each `poll()` builds a
 * fresh PollContext in 'trigger' mode over the workflow's static data, which carries over from poll
 * to poll. `restart()` serialises the static data to JSON and reloads it, as after an n8n restart.
 */
export class ActivePollTrigger {
	private staticData: IDataObject = {};
	private polls = 0;
	private readonly nodeTypes = new PackageNodeTypes();
	private node: INode;

	constructor(private options: PollTriggerOptions) {
		this.node = testNode(
			TRIGGER_NODE_NAME,
			options.type,
			options.parameters,
			Object.keys(options.credentials),
		);
	}

	/** The trigger's own static data (`node:<name>`), as JSON. */
	get state(): IDataObject | undefined {
		const data = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		return data[`node:${TRIGGER_NODE_NAME}`] as IDataObject | undefined;
	}

	/** Runs one poll; returns the emitted items' JSON, or null when the trigger emitted nothing. */
	async poll(): Promise<IDataObject[] | null> {
		const workflow = new Workflow({
			id: 'test-workflow',
			nodes: [this.node],
			connections: {},
			nodeTypes: this.nodeTypes,
			active: true,
			staticData: this.staticData,
		});
		const { additionalData } = createAdditionalData(structuredClone(this.options.credentials));
		const activation: WorkflowActivateMode = this.polls === 0 ? 'activate' : 'init';
		const context = new PollContext(workflow, this.node, additionalData, 'trigger', activation);
		const nodeType = this.nodeTypes.getByNameAndVersion(this.node.type, 1);
		const result = await nodeType.poll!.call(context);
		this.polls++;
		// A plain copy: n8n 1.x wraps the static data a Workflow is given in an observer, and
		// wrapping the previous poll's wrapper again on every poll slows each poll down.
		this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		return result ? result[0].map((item) => item.json) : null;
	}

	/**
	 * The user picks other credentials on the active trigger (another account, or another user of
	 * the same one): same node and static data.
	 */
	useCredentials(credentials: PollTriggerOptions['credentials']): void {
		this.options = { ...this.options, credentials };
	}

	/** The user edits the active trigger: same node, new parameters, static data kept. */
	reconfigure(parameters: INodeParameters): void {
		this.node = { ...this.node, parameters };
	}

	/** Saves the static data as JSON and loads it back, as n8n does across a restart. */
	restart(): void {
		this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
	}
}
