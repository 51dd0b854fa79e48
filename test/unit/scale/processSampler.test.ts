/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests run in plain Node, not inside n8n */
/**
 * The bench's process sampler (test/bench/scaleProcesses.ts) counts the CPU time a process used
 * during a run, the figure of `npm run bench:scale` that the load of other jobs stretches least.
 */
import { cpuTicks, ProcessSampler } from '../../bench/scaleProcesses';

test('the CPU seconds a process spends while the sampler runs are counted, with its memory', () => {
	expect(cpuTicks(process.pid)).toBeGreaterThan(0);
	const sampler = new ProcessSampler({ self: process.pid });
	sampler.start();
	// Half a second of CPU time, however long that takes on a shared machine.
	const start = process.cpuUsage();
	let spin = 0;
	while (process.cpuUsage(start).user + process.cpuUsage(start).system < 500_000) spin += Math.sqrt(spin + 1);
	const { self } = sampler.stop();
	expect(spin).toBeGreaterThan(0);
	expect(self.cpuSeconds).toBeGreaterThanOrEqual(0.4);
	expect(self.cpuSeconds).toBeLessThan(30);
	expect(self.peakRssMb).toBeGreaterThan(10);
});
