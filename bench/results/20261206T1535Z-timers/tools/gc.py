import sys, subprocess, re, datetime
jfr, t0, t1 = sys.argv[1], sys.argv[2], sys.argv[3]
J='/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr'
def ts(s): return datetime.datetime.fromisoformat(s.replace('Z','+00:00'))
a, b = ts(t0), ts(t1)
out = subprocess.run([J,'print','--events','jdk.GarbageCollection,jdk.GCHeapSummary',jfr],capture_output=True,text=True).stdout
ev = out.split('\njdk.')
n=0; tot=0.0; names={}; heap_after=[]
for e in ev:
    m = re.search(r'startTime = (\S+)', e)
    if not m: continue
    st = m.group(1)
    mm = re.search(r'startTime = (\d\d:\d\d:\d\d\.\d+) \((\d{4}-\d\d-\d\d)\)', e)
    if not mm: continue
    t = datetime.datetime.fromisoformat(mm.group(2)+'T'+mm.group(1))
    if t.tzinfo is None: t=t.replace(tzinfo=datetime.timezone.utc)
    if not (a <= t <= b): continue
    if e.startswith('GarbageCollection'):
        d = re.search(r'duration = ([\d.]+) (ms|s|us)', e)
        v = float(d.group(1)) * {'ms':1,'s':1000,'us':0.001}[d.group(2)]
        nm = re.search(r'name = "([^"]+)"', e).group(1)
        names.setdefault(nm,[0,0.0]); names[nm][0]+=1; names[nm][1]+=v
    elif e.startswith('GCHeapSummary') and 'when = "After GC"' in e:
        hu = re.search(r'heapUsed = ([\d.]+) (MB|kB|GB)', e)
        if hu: heap_after.append(float(hu.group(1))*{'MB':1,'kB':1/1024,'GB':1024}[hu.group(2)])
for k,(c,v) in names.items(): print(f"gc_{k.replace(' ','_')}_count={c} total_ms={v:.0f}")
if heap_after: print(f"heap_used_after_gc_mb min={min(heap_after):.0f} mean={sum(heap_after)/len(heap_after):.0f} max={max(heap_after):.0f}")
