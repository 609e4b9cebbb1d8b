// npm run doctor — checks what Marquee needs before it goes live, one ✓/✗ line each with the fix (src/doctor.ts).
// Exit 0 when every check passes, 1 otherwise. Runs beside the bot (PostgreSQL) or with the bot stopped (PGlite
// allows one process).
import { readEnv } from '../src/config.ts';
import { doctorSummary, formatDoctorLine, runDoctor } from '../src/doctor.ts';

const lines = await runDoctor(readEnv(), (l) => console.log(formatDoctorLine(l)));
console.log(`\n${doctorSummary(lines)}`);
process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
