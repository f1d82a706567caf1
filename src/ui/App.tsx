export function App() {
  return (
    <main>
      <h1>dslab</h1>
      <p>A lab for designing network design spaces.</p>
    </main>
  );
}
