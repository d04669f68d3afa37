import sys, collections
c=collections.Counter(); n=0; ticks=set()
for line in open(sys.argv[1]):
    p=line.rstrip('\n').split('|')
    if len(p)<6: continue
    ticks.add(p[0][:21]); q=p[5]
    k=q[:int(sys.argv[2]) if len(sys.argv)>2 else 90]
    c[(p[3]+':'+p[4], k)]+=1; n+=1
print(f"samples={len(ticks)} active_backend_samples={n} mean_active={n/max(1,len(ticks)):.2f}")
for (w,k),v in c.most_common(25): print(f"{v:6d} {100*v/n:5.1f}% {w:28s} {k}")
